/**
 * ICAO Doc 9303 machine-readable zones: TD1 (3 × 30, ID cards), TD2 (2 × 36) and TD3 (2 × 44,
 * passports). Parses the fields and verifies every check digit, including the composite one.
 */
import { icaoCheckDigit } from './checkDigits';
import type { CharClass } from './lookAlike';
import { uniqueRepair } from './lookAlike';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** One field protected by a check digit, as it stands in the MRZ. */
export interface CheckedField {
	/** `documentNumber`, `birthDate`, `expiryDate`, `optionalData`, `composite`. */
	name: MrzCheckName;
	/** The characters the digit protects, fillers included. */
	text: string;
	/** The check digit as read (a character, maybe not a digit). */
	checkChar: string;
	/** What a correct check digit would be, or undefined when a character is outside the MRZ alphabet. */
	expected: number | undefined;
	/** What each protected character may be, for look-alike repairs. */
	classes: CharClass[];
}

export type MrzCheckName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';

export interface Mrz {
	format: MrzFormat;
	documentCode: string;
	issuingState: string;
	documentNumber: string;
	birthDate: string;
	sex: string;
	expiryDate: string;
	nationality: string;
	/** Optional data (TD1 both parts, TD2 line 2, TD3 personal number), fillers removed. */
	optionalData: string[];
	name: string;
	checkedFields: CheckedField[];
}

const LINE_LENGTHS: Record<MrzFormat, { lines: number; length: number }> = {
	TD1: { lines: 3, length: 30 },
	TD2: { lines: 2, length: 36 },
	TD3: { lines: 2, length: 44 },
};

/** The MRZ lines as printed: spaces removed, upper case, empty lines dropped. */
export function cleanMrzLines(lines: Array<string | undefined>): string[] {
	return lines
		.map((line) => (line ?? '').replace(/\s+/g, '').toUpperCase())
		.filter((line) => line !== '');
}

export function mrzFormatOf(lines: string[]): MrzFormat | undefined {
	return (Object.keys(LINE_LENGTHS) as MrzFormat[]).find(
		(format) =>
			lines.length === LINE_LENGTHS[format].lines &&
			lines.every((line) => line.length === LINE_LENGTHS[format].length),
	);
}

/** The text without its trailing `<` fillers (a loop: /<+$/ is quadratic on a long run of them). */
export function withoutTrailingFillers(text: string): string {
	let end = text.length;
	while (end > 0 && text[end - 1] === '<') end--;
	return text.slice(0, end);
}

const stripFillers = (text: string) => withoutTrailingFillers(text).replace(/</g, ' ').trim();

function classes(text: string, charClass: CharClass): CharClass[] {
	return Array.from(text, () => charClass);
}

function checked(name: MrzCheckName, text: string, checkChar: string, fieldClasses: CharClass[]): CheckedField {
	return { name, text, checkChar, expected: icaoCheckDigit(text), classes: fieldClasses };
}

/** TD1 document numbers longer than 9 characters continue in the optional data, with their check digit last. */
function td1DocumentNumber(line1: string): { number: string; text: string; checkChar: string; optional: string } {
	const head = line1.slice(5, 14);
	if (line1[14] !== '<' || line1[15] === '<') {
		return { number: withoutTrailingFillers(head), text: head, checkChar: line1[14], optional: line1.slice(15, 30) };
	}
	const rest = line1.slice(15, 30);
	const end = rest.indexOf('<') < 0 ? rest.length : rest.indexOf('<');
	const tail = rest.slice(0, end - 1);
	return {
		number: head + tail,
		text: head + tail,
		checkChar: rest[end - 1],
		optional: rest.slice(end),
	};
}

function parseTd1(lines: string[]): Mrz {
	const [line1, line2, line3] = lines;
	const documentNumber = td1DocumentNumber(line1);
	const composite = line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29);
	return {
		format: 'TD1',
		documentCode: stripFillers(line1.slice(0, 2)),
		issuingState: line1.slice(2, 5),
		documentNumber: documentNumber.number,
		birthDate: line2.slice(0, 6),
		sex: line2[7],
		expiryDate: line2.slice(8, 14),
		nationality: line2.slice(15, 18),
		optionalData: [stripFillers(documentNumber.optional), stripFillers(line2.slice(18, 29))].filter((d) => d !== ''),
		name: line3,
		checkedFields: [
			checked('documentNumber', documentNumber.text, documentNumber.checkChar, classes(documentNumber.text, 'alnum')),
			checked('birthDate', line2.slice(0, 6), line2[6], classes('YYMMDD', 'digit')),
			checked('expiryDate', line2.slice(8, 14), line2[14], classes('YYMMDD', 'digit')),
			checked('composite', composite, line2[29], classes(composite, 'alnum')),
		],
	};
}

/** TD2 and TD3 share their layout; only the optional data's length differs. */
function parseTwoLine(lines: string[], format: 'TD2' | 'TD3'): Mrz {
	const [line1, line2] = lines;
	const end = format === 'TD3' ? 42 : 35;
	const composite = line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, end + (format === 'TD3' ? 1 : 0));
	const optional = line2.slice(28, end);
	const checkedFields = [
		checked('documentNumber', line2.slice(0, 9), line2[9], classes(line2.slice(0, 9), 'alnum')),
		checked('birthDate', line2.slice(13, 19), line2[19], classes('YYMMDD', 'digit')),
		checked('expiryDate', line2.slice(21, 27), line2[27], classes('YYMMDD', 'digit')),
	];
	// TD3's personal number has its own check digit, which may be a filler when the field is empty.
	if (format === 'TD3' && !(/^<+$/.test(optional) && line2[42] === '<')) {
		checkedFields.push(checked('optionalData', optional, line2[42], classes(optional, 'alnum')));
	}
	checkedFields.push(checked('composite', composite, line2[end + (format === 'TD3' ? 1 : 0)], classes(composite, 'alnum')));
	return {
		format,
		documentCode: stripFillers(line1.slice(0, 2)),
		issuingState: line1.slice(2, 5),
		documentNumber: withoutTrailingFillers(line2.slice(0, 9)),
		birthDate: line2.slice(13, 19),
		sex: line2[20],
		expiryDate: line2.slice(21, 27),
		nationality: line2.slice(10, 13),
		optionalData: [stripFillers(optional)].filter((d) => d !== ''),
		name: line1.slice(5),
		checkedFields,
	};
}

/** The parsed MRZ, or undefined when the lines aren't a TD1, TD2 or TD3 zone. */
export function parseMrz(lines: string[]): Mrz | undefined {
	const format = mrzFormatOf(lines);
	if (format === undefined) return undefined;
	return format === 'TD1' ? parseTd1(lines) : parseTwoLine(lines, format);
}

export function checkDigitPasses(field: Pick<CheckedField, 'text' | 'checkChar'>): boolean {
	const expected = icaoCheckDigit(field.text);
	return expected !== undefined && field.checkChar === String(expected);
}

/**
 * The one look-alike swap, in the protected characters or in the check digit itself, that makes a
 * failing check digit pass: `{ text, checkChar }` after the swap, or undefined.
 */
export function repairCheckedField(field: CheckedField): { text: string; checkChar: string; from: string; to: string; position: number } | undefined {
	const joined = field.text + field.checkChar;
	const classOf = (position: number): CharClass =>
		position < field.text.length ? field.classes[position] : 'digit';
	const repair = uniqueRepair(joined, classOf, (candidate) =>
		checkDigitPasses({ text: candidate.slice(0, -1), checkChar: candidate.slice(-1) }),
	);
	if (repair === undefined) return undefined;
	return {
		text: repair.value.slice(0, -1),
		checkChar: repair.value.slice(-1),
		from: repair.from,
		to: repair.to,
		position: repair.position,
	};
}

/** ICAO sex marker as M, F or X (`<` means unspecified). */
export function mrzSex(char: string): 'M' | 'F' | 'X' | undefined {
	if (char === 'M' || char === 'F') return char;
	if (char === '<' || char === 'X') return 'X';
	return undefined;
}
