import {
	checkDigit,
	cleanMrzLine,
	composeTd3,
	findTd3Lines,
	mrzCharValue,
	parseTd3,
} from '../../emulator/recognition/mrz';

// The ICAO 9303 Part 4 specimen passport of the fictitious state Utopia.
const SPECIMEN_LINE_1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const SPECIMEN_LINE_2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TODAY = new Date('2026-01-01T00:00:00Z');

describe('MRZ check digits', () => {
	it('values digits, letters and the filler as ICAO 9303 says', () => {
		expect(mrzCharValue('7')).toBe(7);
		expect(mrzCharValue('A')).toBe(10);
		expect(mrzCharValue('Z')).toBe(35);
		expect(mrzCharValue('<')).toBe(0);
		expect(() => mrzCharValue('a')).toThrow('not an MRZ character');
	});

	it('computes the specimen check digits', () => {
		expect(checkDigit('L898902C3')).toBe('6');
		expect(checkDigit('740812')).toBe('2');
		expect(checkDigit('120415')).toBe('9');
		expect(checkDigit('ZE184226B<<<<<')).toBe('1');
		expect(checkDigit('L898902C36' + '7408122' + '120415' + '9ZE184226B<<<<<1')).toBe('0');
	});
});

describe('composeTd3', () => {
	it('reproduces the ICAO specimen lines exactly', () => {
		const lines = composeTd3({
			documentCode: 'P',
			issuingState: 'UTO',
			surname: 'Eriksson',
			givenNames: 'Anna Maria',
			passportNumber: 'L898902C3',
			nationality: 'UTO',
			dateOfBirth: '740812',
			sex: 'F',
			dateOfExpiry: '120415',
			personalNumber: 'ZE184226B',
		});
		expect(lines).toEqual([SPECIMEN_LINE_1, SPECIMEN_LINE_2]);
	});

	it('writes a filler check digit for an empty personal number and rejects over-long names', () => {
		const [, line2] = composeTd3({
			documentCode: 'P',
			issuingState: 'UTO',
			surname: 'Doe',
			givenNames: 'Jane',
			passportNumber: 'X1234567',
			nationality: 'UTO',
			dateOfBirth: '900101',
			sex: 'F',
			dateOfExpiry: '300101',
		});
		expect(line2).toHaveLength(44);
		expect(line2.slice(28, 43)).toBe('<'.repeat(15));
		expect(parseTd3('P<UTODOE<<JANE', line2, TODAY).valid).toBe(true);
		expect(() =>
			composeTd3({
				documentCode: 'P', issuingState: 'UTO', surname: 'X'.repeat(40), givenNames: 'Y',
				passportNumber: '1', nationality: 'UTO', dateOfBirth: '900101', sex: 'M', dateOfExpiry: '300101',
			}),
		).toThrow('longer than 39');
	});
});

describe('parseTd3', () => {
	it('parses the specimen into passport fields with every check passing', () => {
		const parsed = parseTd3(SPECIMEN_LINE_1, SPECIMEN_LINE_2, TODAY);
		expect(parsed).toMatchObject({
			documentCode: 'P',
			issuingState: 'UTO',
			surname: 'ERIKSSON',
			givenNames: 'ANNA MARIA',
			passportNumber: 'L898902C3',
			nationality: 'UTO',
			dateOfBirth: '1974-08-12',
			sex: 'F',
			dateOfExpiry: '2012-04-15',
			personalNumber: 'ZE184226B',
			valid: true,
		});
		expect(parsed.lines).toEqual([SPECIMEN_LINE_1, SPECIMEN_LINE_2]);
	});

	it('repairs typical OCR look-alikes using field types and check digits', () => {
		// What tesseract really read from a rendered specimen: O→0 in the nationality, Z→7 in the personal number.
		const ocrLine2 = 'L898902C36UT07408122F12041597E184226B<<<<<10';
		const parsed = parseTd3(SPECIMEN_LINE_1, ocrLine2, TODAY);
		expect(parsed.nationality).toBe('UTO');
		expect(parsed.personalNumber).toBe('ZE184226B');
		expect(parsed.lines[1]).toBe(SPECIMEN_LINE_2);
		expect(parsed.valid).toBe(true);
	});

	it('reports which check failed when the data was tampered with', () => {
		const tampered = SPECIMEN_LINE_2.replace('7408122', '7408132');
		const parsed = parseTd3(SPECIMEN_LINE_1, tampered, TODAY);
		expect(parsed.checks.dateOfBirth).toBe(false);
		expect(parsed.checks.passportNumber).toBe(true);
		expect(parsed.valid).toBe(false);
	});

	it('puts birth years after this year in the last century and expiry years in this one', () => {
		const parsed = parseTd3(SPECIMEN_LINE_1, SPECIMEN_LINE_2, new Date('2099-06-01T00:00:00Z'));
		expect(parsed.dateOfBirth).toBe('2074-08-12');
		expect(parseTd3(SPECIMEN_LINE_1, SPECIMEN_LINE_2, TODAY).dateOfBirth).toBe('1974-08-12');
	});
});

describe('MRZ line finding and cleaning', () => {
	it('cleans spaces and guillemets, and pads short lines to 44 characters', () => {
		expect(cleanMrzLine('p<uto eriksson«anna')).toBe('P<UTOERIKSSON<<ANNA'.padEnd(44, '<'));
	});

	it('finds the two MRZ lines among other text', () => {
		const lines = ['PASSPORT', 'Surname / Nom', 'ERIKSSON', SPECIMEN_LINE_1, SPECIMEN_LINE_2, ''];
		expect(findTd3Lines(lines)).toEqual([SPECIMEN_LINE_1, SPECIMEN_LINE_2]);
		expect(findTd3Lines(['PASSPORT', 'no machine readable zone here'])).toBeUndefined();
	});
});
