/**
 * Valid identifiers built from their published algorithms, written here independently of the code
 * under test (nodes/HuaweiCloudOcr/checks), so a corpus of them can show the checks raise no false alarm.
 */

/** GB 11643 / ISO 7064 MOD 11-2: the check character of 17 digits. */
export function mod11_2(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
	return '10X98765432'[sum % 11];
}

export const prcId = (region: string, birth: string, sequence: string) => {
	const body = `${region}${birth.replace(/-/g, '')}${sequence}`;
	return body + mod11_2(body);
};

/** 2023 Foreigner's Permanent Residence ID: 9, issuing province, ISO 3166 numeric nationality, birth date, sequence, MOD 11-2. */
export const permanentResidenceId = (province: string, nationality: string, birth: string, sequence: string) =>
	prcId(`9${province}${nationality}`, birth, sequence);

/** Luhn: the digit to append to `payload`. */
export function luhnDigit(payload: string): string {
	let sum = 0;
	[...payload].reverse().forEach((char, i) => {
		let digit = Number(char) * (i % 2 === 0 ? 2 : 1);
		if (digit > 9) digit -= 9;
		sum += digit;
	});
	return String((10 - (sum % 10)) % 10);
}

export const luhnCard = (payload: string) => payload + luhnDigit(payload);
/** A card number printed in groups of four, as on the card. */
export const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** ISO 3779 / 49 CFR 565.15 transliteration: A–H = 1–8, J–N = 1–5, P = 7, R = 9, S–Z = 2–9 (never I, O, Q). */
const VIN_LETTERS: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 };
function vinValue(char: string): number {
	const value = /\d/.test(char) ? Number(char) : VIN_LETTERS[char];
	if (value === undefined) throw new Error(`no VIN character: ${char}`);
	return value;
}
const VIN_WEIGHT = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** A VIN with its check digit put into position 9 (`?` there in `draft`). */
export function vinWithCheckDigit(draft: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) if (i !== 8) sum += vinValue(draft[i]) * VIN_WEIGHT[i];
	const remainder = sum % 11;
	return draft.slice(0, 8) + (remainder === 10 ? 'X' : String(remainder)) + draft.slice(9);
}

/** GB 32100 Unified Social Credit Code: MOD 31 over the alphabet without I, O, S, V, Z. */
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function uscc(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += USCC.indexOf(first17[i]) * (3 ** i % 31);
	return first17 + USCC[(31 - (sum % 31)) % 31];
}

/** ICAO 9303 check digit, weights 7 3 1, `<` = 0, A = 10. */
export function icao(field: string): string {
	const weights = [7, 3, 1];
	let sum = 0;
	for (let i = 0; i < field.length; i++) {
		const char = field[i];
		const value = char === '<' ? 0 : /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
		sum += value * weights[i % 3];
	}
	return String(sum % 10);
}

const pad = (text: string, length: number) => text.padEnd(length, '<');

/** A TD1 (ID card) zone of three lines of 30 with every check digit computed. */
export function td1(card: { type?: string; state: string; number: string; birth: string; sex: string; expiry: string; nationality: string; surname: string; given: string }): [string, string, string] {
	const number = pad(card.number, 9);
	const line1 = pad(`${card.type ?? 'ID'}${card.state}${number}${icao(number)}`, 30);
	const start2 = `${card.birth}${icao(card.birth)}${card.sex}${card.expiry}${icao(card.expiry)}${pad(card.nationality, 3)}`;
	const line2Body = pad(start2, 29);
	const composite = icao(line1.slice(5, 30) + line2Body.slice(0, 7) + line2Body.slice(8, 15) + line2Body.slice(18, 29));
	const line3 = pad(`${card.surname}<<${card.given.replace(/ /g, '<')}`, 30);
	return [line1, line2Body + composite, line3];
}

/** Chile's RUN: MOD 11 with weights 2..7 from the right, 10 → K, 11 → 0. */
export function chileRun(body: string): string {
	let sum = 0;
	[...body].reverse().forEach((char, i) => (sum += Number(char) * (2 + (i % 6))));
	const value = 11 - (sum % 11);
	return value === 11 ? '0' : value === 10 ? 'K' : String(value);
}

/** Thailand's 13-digit ID: weights 13..2, check = (11 − sum mod 11) mod 10. */
export function thaiId(first12: string): string {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
	return first12 + String((11 - (sum % 11)) % 10);
}

const CN_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CN_UNITS = ['', '拾', '佰', '仟'];

function cnBelowTenThousand(value: number): string {
	let text = '';
	let zero = false;
	for (let unit = 3; unit >= 0; unit--) {
		const digit = Math.floor(value / 10 ** unit) % 10;
		if (digit === 0) {
			zero = text !== '';
			continue;
		}
		if (zero) text += '零';
		zero = false;
		text += CN_DIGITS[digit] + CN_UNITS[unit];
	}
	return text;
}

/** An amount as a Chinese uppercase amount in words, the way invoices print it (壹仟零贰拾叁元肆角伍分, 伍拾元整). */
export function chineseAmount(amount: number): string {
	const fen = Math.round(amount * 100);
	const yuan = Math.floor(fen / 100);
	const jiao = Math.floor(fen / 10) % 10;
	const cents = fen % 10;
	const wan = Math.floor(yuan / 10000);
	const rest = yuan % 10000;
	let text = '';
	if (wan > 0) text += cnBelowTenThousand(wan) + '万';
	if (rest > 0) text += (wan > 0 && rest < 1000 ? '零' : '') + cnBelowTenThousand(rest);
	text += text === '' ? '' : '元';
	if (jiao === 0 && cents === 0) return `${text || '零元'}整`;
	if (jiao > 0) text += CN_DIGITS[jiao] + '角';
	else if (text !== '') text += '零';
	if (cents > 0) text += CN_DIGITS[cents] + '分';
	return text;
}
