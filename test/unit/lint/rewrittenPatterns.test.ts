/**
 * The patterns the regex lint found, rewritten as loops or linear patterns: each gives what the old
 * pattern gave on ordinary input, and a long hostile run costs a pass over it, not a pass per position.
 * The old patterns live here only, as the reference.
 */
import { trimEnd, trimStart } from '../../../nodes/HuaweiCloud/text';
import { combineUrl } from '../../../nodes/HuaweiCloud/auth';
import { normalizeAmount } from '../../../nodes/HuaweiCloudOcr/checks/primitives/amounts';
import { normalizeDate } from '../../../nodes/HuaweiCloudOcr/checks/primitives/dates';
import { withoutTrailingFillers } from '../../../nodes/HuaweiCloudOcr/checks/primitives/mrz';
import { formatNumber } from '../../../nodes/HuaweiCloudOcr/document/pdf/serialize';
import { groupedNumber } from '../../../nodes/HuaweiCloudOcr/input/describe';

const OLD = {
	trailingSlashes: (text: string) => text.replace(/\/+$/, ''),
	leadingSlashes: (text: string) => text.replace(/^\/+/, ''),
	fillers: (text: string) => text.replace(/<+$/, ''),
	grouped: (value: number) => String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
	labels: (text: string) => text.replace(/[（(]?\s*小写\s*[)）]?\s*[:：]?/g, ''),
};

describe('same answers as the old patterns', () => {
	it.each(['', '/', '///', 'a', 'a/', 'a//b//', '/a/b', 'https://x.example/v3///'])('slashes trimmed from %j', (text) => {
		expect(trimEnd(text, '/')).toBe(OLD.trailingSlashes(text));
		expect(trimStart(text, '/')).toBe(OLD.leadingSlashes(text));
	});

	it.each(['', '<', 'P<CHN', 'L898902C3<<<', 'ABC<<D<<<<', '<<<<'])('MRZ fillers trimmed from %j', (text) => {
		expect(withoutTrailingFillers(text)).toBe(OLD.fillers(text));
	});

	it.each([0, 7, 999, 1000, 123456, 1234567, -1234567, 160_000_000, 12.6])('thousands separators of %d', (value) => {
		expect(groupedNumber(value)).toBe(OLD.grouped(value));
	});

	it.each(['（小写）¥1234.50', '( 小写 ) : ¥12', '小写：100元', ' 小写 ¥5', '（ 小写） ¥88.00', '(小写)：¥1,000.00'])('amount labels in %j', (text) => {
		const withOldLabels = normalizeAmount(OLD.labels(text));
		expect(normalizeAmount(text)).toEqual(withOldLabels);
		expect(withOldLabels).toBeDefined();
	});

	it.each([
		['2021-03-14 10:00', '2021-03-14'],
		['2021-03-14   10:00:00', '2021-03-14'],
		['2021-03-14T10:00:00.5+08:00', '2021-03-14'],
		['14 . 03 . 2021', '2021-03-14'],
		['14 03 2021', '2021-03-14'],
		['14 MAR/MARS 2021', '2021-03-14'],
	])('the date %j', (text, expected) => {
		expect(normalizeDate(text, 'dmy')).toBe(expected);
	});

	it('joins URLs as before', () => {
		expect(combineUrl('https://x.example//', '//v3/projects')).toBe('https://x.example/v3/projects');
	});

	it('PDF numbers without exponents as before', () => {
		expect([1e-7, 2.5e-8, 1.25e-3].map(formatNumber)).toEqual(['0.0000001', '0.000000025', '0.00125']);
	});
});

describe('a long hostile run is one pass', () => {
	const run = 200_000;

	it('trailing runs that do not reach the end', () => {
		expect(trimEnd(`${'/'.repeat(run)}x`, '/')).toHaveLength(run + 1);
		expect(withoutTrailingFillers(`${'<'.repeat(run)}x`)).toHaveLength(run + 1);
	});

	it('thousands of labels in a row', () => {
		expect(normalizeAmount(`${'（小写）'.repeat(run / 4)}¥12`)).toEqual({ amount: 12, currency: 'CNY' });
	});

	it('spaces that never reach a label or a time', () => {
		expect(normalizeAmount(`${' '.repeat(run)}x`)).toBeUndefined();
		expect(normalizeDate(`2021${' '.repeat(run)}x`)).toBeUndefined();
	});
});
