import type { Mrz } from '../../../nodes/HuaweiCloudOcr/checks/primitives/mrz';
import {
	checkDigitPasses,
	cleanMrzLines,
	mrzFormatOf,
	parseMrz,
	repairCheckedField,
} from '../../../nodes/HuaweiCloudOcr/checks/primitives/mrz';
import { TD1, TD2, TD3 } from './specimens';

function failing(mrz: Mrz): string[] {
	return mrz.checkedFields.filter((field) => !checkDigitPasses(field)).map((field) => field.name);
}

function corrupt(lines: string[], line: number, position: number, char: string): string[] {
	return lines.map((text, i) => (i === line ? text.slice(0, position) + char + text.slice(position + 1) : text));
}

describe('MRZ parsing of the ICAO 9303 specimens', () => {
	const CARD_CHECKS = ['documentNumber', 'birthDate', 'expiryDate', 'composite'];

	it.each([
		[
			'TD3 passport',
			TD3,
			{
				format: 'TD3',
				documentCode: 'P',
				issuingState: 'UTO',
				documentNumber: 'L898902C3',
				nationality: 'UTO',
				birthDate: '740812',
				sex: 'F',
				expiryDate: '120415',
				optionalData: ['ZE184226B'],
			},
			['documentNumber', 'birthDate', 'expiryDate', 'optionalData', 'composite'],
		],
		[
			'TD1 card',
			TD1,
			{
				format: 'TD1',
				documentCode: 'I',
				issuingState: 'UTO',
				documentNumber: 'D23145890',
				birthDate: '740812',
				sex: 'F',
				expiryDate: '120415',
				nationality: 'UTO',
				optionalData: [],
			},
			CARD_CHECKS,
		],
		[
			'TD2',
			TD2,
			{ format: 'TD2', documentNumber: 'D23145890', birthDate: '740812', sex: 'F', expiryDate: '120415' },
			CARD_CHECKS,
		],
	])('reads the %s specimen, every check digit passing', (_, lines, fields, checkedNames) => {
		const mrz = parseMrz(lines) as Mrz;
		expect(mrz).toMatchObject(fields);
		expect(mrz.checkedFields.map((field) => field.name)).toEqual(checkedNames);
		expect(failing(mrz)).toEqual([]);
	});

	it('reads a TD1 document number longer than 9 characters from the optional data', () => {
		// Doc 9303 Part 5 §4.2.4: positions 6–14 hold 9 characters, `<` at 15, the rest and its check digit follow.
		const lines = ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];
		const mrz = parseMrz(lines) as Mrz;
		expect(mrz.documentNumber).toBe('D23145890734');
		expect(failing(mrz)).toEqual([]);
	});

	it('tells the format from the line count and lengths, after removing spaces and lower case', () => {
		expect(mrzFormatOf(cleanMrzLines([' i<uto d231458907<<<<<<<<<<<<<<<', TD1[1], TD1[2]]))).toBe('TD1');
		expect(mrzFormatOf(cleanMrzLines([TD3[0], undefined, TD3[1]]))).toBe('TD3');
		expect(parseMrz([TD3[0], TD3[1].slice(1)])).toBeUndefined();
		expect(parseMrz([TD1[0], TD1[1]])).toBeUndefined();
	});
});

describe('MRZ check digits catch one-character corruptions', () => {
	const cases: Array<[string, string[], number, number, string[]]> = [
		// [what, specimen, line, position, failing checks]
		['TD3 document number', TD3, 1, 3, ['documentNumber', 'composite']],
		['TD3 document number check digit', TD3, 1, 9, ['documentNumber', 'composite']],
		['TD3 birth date', TD3, 1, 15, ['birthDate', 'composite']],
		['TD3 expiry date', TD3, 1, 24, ['expiryDate', 'composite']],
		['TD3 personal number', TD3, 1, 30, ['optionalData', 'composite']],
		['TD3 composite digit', TD3, 1, 43, ['composite']],
		['TD1 document number', TD1, 0, 7, ['documentNumber', 'composite']],
		['TD1 birth date', TD1, 1, 2, ['birthDate', 'composite']],
		['TD1 expiry date', TD1, 1, 10, ['expiryDate', 'composite']],
		['TD1 optional data', TD1, 1, 20, ['composite']],
		['TD2 document number', TD2, 1, 0, ['documentNumber', 'composite']],
		['TD2 expiry check digit', TD2, 1, 27, ['expiryDate', 'composite']],
	];

	it.each(cases)('%s', (_, specimen, line, position, expected) => {
		const original = specimen[line][position];
		// A neighbouring value: ICAO's weights catch every change of one step (not every change: D→X is invisible).
		const replacement = original === '<' ? '1' : /[0-9]/.test(original) ? String((Number(original) + 1) % 10) : String.fromCharCode(original.charCodeAt(0) + 1);
		const mrz = parseMrz(corrupt(specimen, line, position, replacement)) as Mrz;
		expect(failing(mrz)).toEqual(expected);
	});
});

describe('MRZ look-alike repairs', () => {
	it.each([
		// [line 2 with one look-alike misread, the repaired document number]
		['L8989O2C36UTO7408122F1204159ZE184226B<<<<<10', 'documentNumber', 'L898902C3', 'O', '0'],
		['L898902C3GUTO7408122F1204159ZE184226B<<<<<10', 'documentNumber', 'L898902C3', 'G', '6'],
		['L898902C36UTO74O8122F1204159ZE184226B<<<<<10', 'birthDate', '740812', 'O', '0'],
		['L898902C36UTO7408I22F1204159ZE184226B<<<<<10', 'birthDate', '740812', 'I', '1'],
		['L898902C36UTO740812ZF1204159ZE184226B<<<<<10', 'birthDate', '740812', 'Z', '2'],
		['L898902C36UTO7408122F12O4159ZE184226B<<<<<10', 'expiryDate', '120415', 'O', '0'],
		['L898902C36UTO7408122F12041S9ZE184226B<<<<<10', 'expiryDate', '120415', 'S', '5'],
		['L898902C36UTO740B122F1204159ZE184226B<<<<<10', 'birthDate', '740812', 'B', '8'],
	])('%s: %s repaired to %s', (line2, name, repaired, from, to) => {
		const mrz = parseMrz([TD3[0], line2]) as Mrz;
		const field = mrz.checkedFields.find((candidate) => candidate.name === name);
		expect(field && checkDigitPasses(field)).toBe(false);
		const repair = field && repairCheckedField(field);
		expect(repair).toMatchObject({ from, to });
		expect(repair?.text.replace(/<+$/, '')).toBe(repaired);
	});

	it('offers no repair when a letter could be a digit and a digit a letter (alphanumeric fields)', () => {
		// L89B902C3: B→8 at position 4 and 8→B at position 2 both pass.
		const mrz = parseMrz([TD3[0], 'L89B902C36UTO7408122F1204159ZE184226B<<<<<10']) as Mrz;
		expect(repairCheckedField(mrz.checkedFields[0])).toBeUndefined();
	});

	it('offers no repair when two different swaps would both pass', () => {
		// 8→B at position 6 and 5→S at position 9 both make this check digit pass.
		const line2 = '2BOS081050UTO7408122F1204159ZE184226B<<<<<10';
		const mrz = parseMrz([TD3[0], line2]) as Mrz;
		const field = mrz.checkedFields[0];
		expect(checkDigitPasses(field)).toBe(false);
		expect(repairCheckedField(field)).toBeUndefined();
	});

	it('offers no repair when no look-alike swap helps', () => {
		const mrz = parseMrz(corrupt(TD3, 1, 3, '7')) as Mrz;
		expect(repairCheckedField(mrz.checkedFields[0])).toBeUndefined();
	});

	it('never swaps a digit for a letter inside a date', () => {
		// 740812 → 74O812 could only be repaired by O→0; a digit in a date is never turned into a letter.
		const mrz = parseMrz(corrupt(TD3, 1, 19, '5')) as Mrz;
		const birth = mrz.checkedFields[1];
		expect(birth.classes.every((charClass) => charClass === 'digit')).toBe(true);
		const repair = repairCheckedField(birth);
		expect(repair === undefined || /^[0-9]+$/.test(repair.text)).toBe(true);
	});
});
