/** Check-digit algorithms of the documents Huawei reads. Each takes the characters as printed. */

/** ICAO 9303 character value: digits as themselves, A–Z as 10–35, the filler `<` as 0. */
function icaoValue(char: string): number | undefined {
	if (char === '<') return 0;
	if (/^[0-9]$/.test(char)) return Number(char);
	if (/^[A-Z]$/.test(char)) return char.charCodeAt(0) - 55;
	return undefined;
}

/** ICAO 9303 check digit (weights 7, 3, 1), or undefined when a character is outside the MRZ alphabet. */
export function icaoCheckDigit(field: string): number | undefined {
	const weights = [7, 3, 1];
	let sum = 0;
	for (let i = 0; i < field.length; i++) {
		const value = icaoValue(field[i]);
		if (value === undefined) return undefined;
		sum += value * weights[i % 3];
	}
	return sum % 10;
}

/** Luhn (ISO/IEC 7812) over a string of digits, check digit last. */
export function luhnValid(digits: string): boolean {
	if (!/^[0-9]+$/.test(digits) || digits.length < 2) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

const MOD11_2_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_2_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the 17 leading digits of a PRC resident ID number. */
export function prcIdCheckChar(first17: string): string | undefined {
	if (!/^[0-9]{17}$/.test(first17)) return undefined;
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * MOD11_2_WEIGHTS[i];
	return MOD11_2_CHARS[sum % 11];
}

const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_LETTER_VALUES: Record<string, number> = {
	A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
	J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
	S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

/** ISO 3779 / FMVSS 565 check character (`0`–`9` or `X`) of a 17-character VIN. */
export function vinCheckChar(vin: string): string | undefined {
	if (vin.length !== 17) return undefined;
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		const char = vin[i];
		const value = /^[0-9]$/.test(char) ? Number(char) : VIN_LETTER_VALUES[char];
		if (value === undefined) return undefined;
		sum += value * VIN_WEIGHTS[i];
	}
	const remainder = sum % 11;
	return remainder === 10 ? 'X' : String(remainder);
}
