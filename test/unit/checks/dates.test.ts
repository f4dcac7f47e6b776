import {
	meansNoExpiry,
	mrzDate,
	normalizeDate,
	normalizeMonthYear,
	parseDateParts,
} from '../../../nodes/HuaweiCloudOcr/checks/primitives/dates';

describe('normalizeDate', () => {
	it.each([
		['2021-03-14', '2021-03-14'],
		['2021.03.14', '2021-03-14'],
		['2021/3/4', '2021-03-04'],
		['2021年03月14日', '2021-03-14'],
		['2021年3月4日', '2021-03-04'],
		['20210314', '2021-03-14'],
		['14 MAR 2021', '2021-03-14'],
		['14 Mar. 2021', '2021-03-14'],
		['14-Mar-2021', '2021-03-14'],
		['14 MAR/MARS 2021', '2021-03-14'],
		['14 ENE 2021', '2021-01-14'],
		['14 AGO 2021', '2021-08-14'],
		['Mar 14, 2021', '2021-03-14'],
		['14/03/2021', '2021-03-14'],
		['03/14/2021', '2021-03-14'],
		['05/05/2021', '2021-05-05'],
		['2021-03-14 10:30', '2021-03-14'],
		['2021-03-14T10:30:00Z', '2021-03-14'],
	])('%s → %s', (input, expected) => {
		expect(normalizeDate(input)).toBe(expected);
	});

	it('leaves day/month order alone when the digits could be either, unless the document says', () => {
		expect(normalizeDate('04/03/2021')).toBeUndefined();
		expect(normalizeDate('04/03/2021', 'dmy')).toBe('2021-03-04');
		expect(normalizeDate('04/03/2021', 'mdy')).toBe('2021-04-03');
		expect(normalizeDate('04 03 2021', 'dmy')).toBe('2021-03-04');
	});

	it.each(['2021-02-30', '2021-13-01', '20210230', '31 APR 2021', '2023-02-29'])(
		'is undefined for the unreal date %s',
		(input) => {
			expect(normalizeDate(input)).toBeUndefined();
		},
	);

	it('knows leap days', () => {
		expect(normalizeDate('2024-02-29')).toBe('2024-02-29');
		expect(normalizeDate('2000-02-29')).toBe('2000-02-29');
		expect(normalizeDate('1900-02-29')).toBeUndefined();
	});

	it.each(['长期', 'yesterday', '2O21-03-14', '14 XYZ 2021', '', '123'])('is undefined for %p', (input) => {
		expect(normalizeDate(input)).toBeUndefined();
	});

	it('still names the parts of an unreal date, so a check can say which day does not exist', () => {
		expect(parseDateParts('2021-02-30')).toEqual({ year: 2021, month: 2, day: 30 });
	});
});

describe('MRZ YYMMDD dates', () => {
	const today = '2026-11-30';

	it.each([
		['740812', 'birth', '1974-08-12'],
		['051231', 'birth', '2005-12-31'],
		['261201', 'birth', '1926-12-01'],
		['261130', 'birth', '2026-11-30'],
		['120415', 'expiry', '2012-04-15'],
		['350720', 'expiry', '2035-07-20'],
		['991231', 'expiry', '1999-12-31'],
	] as const)('%s as a %s date → %s', (yymmdd, kind, expected) => {
		expect(mrzDate(yymmdd, kind, today)).toBe(expected);
	});

	it('is undefined for unreal dates and non-digits', () => {
		expect(mrzDate('740231', 'birth', today)).toBeUndefined();
		expect(mrzDate('74O812', 'birth', today)).toBeUndefined();
	});
});

describe('bank card MM/YY expiry', () => {
	it('is the last day of the month', () => {
		expect(normalizeMonthYear('12/25')).toBe('2025-12-31');
		expect(normalizeMonthYear('02/28')).toBe('2028-02-29');
		expect(normalizeMonthYear('6/2027')).toBe('2027-06-30');
		expect(normalizeMonthYear('13/25')).toBeUndefined();
	});
});

describe('no-expiry words', () => {
	it.each(['长期', '長期', 'LONG-TERM', 'Indefinido'])('%s means the document never expires', (word) => {
		expect(meansNoExpiry(word)).toBe(true);
	});
	it('a date is not one', () => {
		expect(meansNoExpiry('2030-01-01')).toBe(false);
	});
});
