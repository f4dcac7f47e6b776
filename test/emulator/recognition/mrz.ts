/**
 * ICAO 9303 TD3 (passport) machine-readable zone: check digits, composing the two 44-character
 * lines from data, and parsing OCR'd lines back into fields with every check digit verified.
 * Pure code: the tesseract recognizer and the sample-image script both build on it.
 */

export const TD3_LINE_LENGTH = 44;

const FILLER = '<';
const WEIGHTS = [7, 3, 1] as const;

export function mrzCharValue(char: string): number {
	if (char === FILLER) return 0;
	const code = char.charCodeAt(0);
	if (code >= 48 && code <= 57) return code - 48;
	if (code >= 65 && code <= 90) return code - 55;
	throw new Error(`"${char}" is not an MRZ character (A-Z, 0-9 or <)`);
}

export function checkDigit(field: string): string {
	let sum = 0;
	for (let i = 0; i < field.length; i++) sum += mrzCharValue(field[i]) * WEIGHTS[i % 3];
	return String(sum % 10);
}

/** A field's check digit position may hold '<' when the whole field is filler (optional data). */
function checkDigitMatches(field: string, digit: string): boolean {
	if (digit === FILLER) return /^<*$/.test(field);
	return checkDigit(field) === digit;
}

export interface Td3Data {
	documentCode: string; // 'P', 'PD', 'PS' …
	issuingState: string;
	surname: string;
	givenNames: string;
	passportNumber: string;
	nationality: string;
	dateOfBirth: string; // YYMMDD
	sex: 'M' | 'F' | '<';
	dateOfExpiry: string; // YYMMDD
	personalNumber?: string;
}

function mrzText(value: string): string {
	return value
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, FILLER)
		.replace(/^<+|<+$/g, '');
}

function padTo(value: string, length: number): string {
	if (value.length > length) throw new Error(`"${value}" is longer than ${length} MRZ characters`);
	return value.padEnd(length, FILLER);
}

export function composeTd3(data: Td3Data): [string, string] {
	const name = `${mrzText(data.surname)}<<${mrzText(data.givenNames)}`;
	const line1 = padTo(data.documentCode, 2) + padTo(data.issuingState, 3) + padTo(name, 39);
	const number = padTo(mrzText(data.passportNumber), 9);
	const personal = padTo(mrzText(data.personalNumber ?? ''), 14);
	const personalCheck = /^<+$/.test(personal) ? FILLER : checkDigit(personal);
	const upper = number + checkDigit(number);
	const birth = data.dateOfBirth + checkDigit(data.dateOfBirth);
	const expiry = data.dateOfExpiry + checkDigit(data.dateOfExpiry);
	const rest = expiry + personal + personalCheck;
	const composite = checkDigit(upper + birth + rest);
	const line2 = upper + padTo(data.nationality, 3) + birth + data.sex + rest + composite;
	return [line1, line2];
}

export interface Td3Checks {
	passportNumber: boolean;
	dateOfBirth: boolean;
	dateOfExpiry: boolean;
	personalNumber: boolean;
	composite: boolean;
}

export interface Td3Parsed {
	lines: [string, string];
	documentCode: string;
	issuingState: string;
	surname: string;
	givenNames: string;
	passportNumber: string;
	nationality: string;
	dateOfBirth: string; // YYYY-MM-DD
	sex: string;
	dateOfExpiry: string; // YYYY-MM-DD
	personalNumber: string;
	checks: Td3Checks;
	valid: boolean;
}

// Look-alike characters OCR confuses; applied only where the MRZ position allows one class.
const TO_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const TO_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '7': 'Z', '8': 'B' };
const AMBIGUOUS: Record<string, string[]> = {
	'0': ['O', 'D', 'Q'], O: ['0'], D: ['0'], Q: ['0'],
	'1': ['I', 'L'], I: ['1'], L: ['1'],
	'2': ['Z'], Z: ['2', '7'], '7': ['Z'],
	'5': ['S'], S: ['5'],
	'6': ['G'], G: ['6'],
	'8': ['B'], B: ['8'],
};

/** Normalises one OCR'd MRZ line: drops spaces, maps common misreads of '<', pads/cuts to 44. */
export function cleanMrzLine(raw: string): string {
	const compact = raw
		.toUpperCase()
		.replace(/\s+/g, '')
		.replace(/[«‹]/g, '<<')
		.replace(/[^A-Z0-9<]/g, FILLER);
	return compact.slice(0, TD3_LINE_LENGTH).padEnd(TD3_LINE_LENGTH, FILLER);
}

function asDigits(value: string): string {
	return value.replace(/[^0-9<]/g, (char) => TO_DIGIT[char] ?? char);
}

function asLetters(value: string): string {
	return value.replace(/[0-9]/g, (char) => TO_LETTER[char] ?? char);
}

/** The field as read (when its check digit matches), or every single look-alike substitution that makes it match. */
function repairCandidates(field: string, digit: string, digitsOnly = false): string[] {
	if (checkDigitMatches(field, digit)) return [field];
	const candidates: string[] = [];
	for (let i = 0; i < field.length; i++) {
		for (const alternative of AMBIGUOUS[field[i]] ?? []) {
			if (digitsOnly && !/[0-9]/.test(alternative)) continue;
			const candidate = field.slice(0, i) + alternative + field.slice(i + 1);
			if (checkDigitMatches(candidate, digit)) candidates.push(candidate);
		}
	}
	return candidates;
}

function combinations<T>(lists: T[][]): T[][] {
	return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

function fullDate(yymmdd: string, kind: 'birth' | 'expiry', today: Date): string {
	const yy = Number(yymmdd.slice(0, 2));
	const currentYy = today.getUTCFullYear() % 100;
	const century = kind === 'expiry' || yy <= currentYy ? 2000 : 1900;
	return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

function nameParts(nameField: string): { surname: string; givenNames: string } {
	const [surname, ...rest] = nameField.split('<<');
	const given = rest.join(' ');
	const words = (value: string) => value.replace(/<+/g, ' ').trim();
	return { surname: words(surname), givenNames: words(given) };
}

export function parseTd3(rawLine1: string, rawLine2: string, today = new Date()): Td3Parsed {
	const first = cleanMrzLine(rawLine1);
	const second = cleanMrzLine(rawLine2);

	const line1 = first.slice(0, 1) + asLetters(first.slice(1, 5)) + asLetters(first.slice(5));
	const read = {
		number: second.slice(0, 9),
		numberCheck: asDigits(second[9]),
		nationality: asLetters(second.slice(10, 13)),
		birth: asDigits(second.slice(13, 19)),
		birthCheck: asDigits(second[19]),
		sex: asLetters(second[20]),
		expiry: asDigits(second.slice(21, 27)),
		expiryCheck: asDigits(second[27]),
		personal: second.slice(28, 42),
		personalCheck: second[42] === FILLER ? FILLER : asDigits(second[42]),
		composite: asDigits(second[43]),
	};
	const assemble = (number: string, birth: string, expiry: string, personal: string) =>
		number + read.numberCheck + read.nationality + birth + read.birthCheck + read.sex +
		expiry + read.expiryCheck + personal + read.personalCheck + read.composite;
	const compositeMatches = (line: string) =>
		checkDigit(line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43)) === read.composite;

	// Look-alike repairs are accepted only when the composite check digit confirms the whole line;
	// otherwise a single repair has a one-in-ten chance of "fixing" a real misread into another wrong value.
	// The passport number sits at the start of the composite with the same weights, so the composite
	// cannot tell its repairs apart: when several repairs fit, none is taken.
	const confirmed = combinations([
		repairCandidates(read.number, read.numberCheck),
		repairCandidates(read.birth, read.birthCheck, true),
		repairCandidates(read.expiry, read.expiryCheck, true),
		repairCandidates(read.personal, read.personalCheck),
	])
		.map((fields) => assemble(fields[0], fields[1], fields[2], fields[3]))
		.filter(compositeMatches);
	const repaired = confirmed.length === 1 ? confirmed[0] : undefined;
	const line2 = repaired ?? assemble(read.number, read.birth, read.expiry, read.personal);
	const checks: Td3Checks = {
		passportNumber: checkDigitMatches(line2.slice(0, 9), read.numberCheck),
		dateOfBirth: checkDigitMatches(line2.slice(13, 19), read.birthCheck),
		dateOfExpiry: checkDigitMatches(line2.slice(21, 27), read.expiryCheck),
		personalNumber: checkDigitMatches(line2.slice(28, 42), read.personalCheck),
		composite: compositeMatches(line2),
	};
	const sex = read.sex;
	const { surname, givenNames } = nameParts(line1.slice(5));
	return {
		lines: [line1, line2],
		documentCode: line1.slice(0, 2).replace(/</g, ''),
		issuingState: line1.slice(2, 5).replace(/</g, ''),
		surname,
		givenNames,
		passportNumber: line2.slice(0, 9).replace(/</g, ''),
		nationality: read.nationality.replace(/</g, ''),
		dateOfBirth: fullDate(line2.slice(13, 19), 'birth', today),
		sex: sex === FILLER ? 'X' : sex,
		dateOfExpiry: fullDate(line2.slice(21, 27), 'expiry', today),
		personalNumber: line2.slice(28, 42).replace(/</g, ''),
		checks,
		valid: Object.values(checks).every(Boolean),
	};
}

/** Picks the TD3 pair out of OCR'd text lines: two consecutive 40+ character MRZ-looking lines, the first starting with 'P'. */
export function findTd3Lines(lines: readonly string[]): [string, string] | undefined {
	const candidates = lines.map((line) => line.replace(/\s+/g, ''));
	const looksLikeMrz = (line: string) => line.length >= 40 && /^[A-Z0-9<«‹]+$/i.test(line) && line.includes('<');
	for (let i = 0; i + 1 < candidates.length; i++) {
		if (looksLikeMrz(candidates[i]) && looksLikeMrz(candidates[i + 1]) && /^P/i.test(candidates[i])) {
			return [candidates[i], candidates[i + 1]];
		}
	}
	return undefined;
}
