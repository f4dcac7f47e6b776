/**
 * Money as Huawei returns it (`¥1,234.50`, `￥1234.50`, `1234.50元`, `$12.00`, `1.234,50 €`) turned into
 * a number, with the ISO 4217 currency when the text names one.
 */

export interface Money {
	amount: number;
	currency?: string;
}

/** Longest markers first, so `HK$` wins over `$`. */
const CURRENCY_MARKERS: ReadonlyArray<[marker: string, currency: string]> = [
	['人民币', 'CNY'],
	['RMB', 'CNY'],
	['CNY', 'CNY'],
	['HK$', 'HKD'],
	['HKD', 'HKD'],
	['US$', 'USD'],
	['USD', 'USD'],
	['MOP$', 'MOP'],
	['MOP', 'MOP'],
	['EUR', 'EUR'],
	['GBP', 'GBP'],
	['THB', 'THB'],
	['元', 'CNY'],
	['圆', 'CNY'],
	['¥', 'CNY'],
	['￥', 'CNY'],
	['$', 'USD'],
	['€', 'EUR'],
	['£', 'GBP'],
	['฿', 'THB'],
];

const LABEL = '小写';
const isSpace = (char: string | undefined) => char !== undefined && char.trim() === '';

/**
 * Without the labels invoices print around figures (`（小写）`, `小写:`) and the spaces around them.
 * A loop: the pattern /[（(]?\s*小写/ would search from every position of a long run of spaces.
 */
function withoutLabels(text: string): string {
	const kept: string[] = [];
	// Up to here the text is kept or removed; a label's spaces and bracket are looked for after it only (as /g matches do not overlap).
	let done = 0;
	for (let at = text.indexOf(LABEL); at >= 0; at = text.indexOf(LABEL, done)) {
		let start = at;
		while (start > done && isSpace(text[start - 1])) start--;
		if (start > done && (text[start - 1] === '（' || text[start - 1] === '(')) start--;
		let end = at + LABEL.length;
		while (isSpace(text[end])) end++;
		if (text[end] === '）' || text[end] === ')') end++;
		while (isSpace(text[end])) end++;
		if (text[end] === '：' || text[end] === ':') end++;
		kept.push(text.slice(done, start));
		done = end;
	}
	kept.push(text.slice(done));
	return kept.join('');
}

function parseNumber(text: string): number | undefined {
	let digits = text.replace(/[\s']/g, '');
	if (!/^-?[0-9][0-9.,]*$/.test(digits)) return undefined;
	const lastDot = digits.lastIndexOf('.');
	const lastComma = digits.lastIndexOf(',');
	if (lastDot >= 0 && lastComma >= 0) {
		// Whichever separator comes last is the decimal one: 1,234.50 or 1.234,50.
		const [thousands, decimal] = lastDot > lastComma ? [',', '.'] : ['.', ','];
		digits = digits.split(thousands).join('').replace(decimal, '.');
	} else if (lastComma >= 0) {
		const groups = digits.split(',');
		const thousandsGrouped = groups.slice(1).every((group) => group.length === 3);
		if (thousandsGrouped) digits = groups.join('');
		else if (groups.length === 2 && groups[1].length <= 2) digits = groups.join('.');
		else return undefined;
	} else if ((digits.match(/\./g) ?? []).length > 1) {
		const groups = digits.split('.');
		if (!groups.slice(1).every((group) => group.length === 3)) return undefined;
		digits = groups.join('');
	}
	const amount = Number(digits);
	return Number.isFinite(amount) ? amount : undefined;
}

/** Chinese figures often count in ten-thousands: `1000万元` is 10 000 000 yuan. */
const MAGNITUDES: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/**
 * The amount and currency a money string names (figures, or a Chinese uppercase amount in yuan),
 * or undefined when it isn't one.
 */
export function normalizeAmount(value: string | number): Money | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? { amount: value } : undefined;
	const inWords = parseChineseAmount(value);
	if (inWords !== undefined) return { amount: inWords, currency: 'CNY' };
	return normalizeFigures(value);
}

function normalizeFigures(value: string): Money | undefined {
	let text = withoutLabels(value).trim();
	let currency: string | undefined;
	for (const [marker, code] of CURRENCY_MARKERS) {
		const index = text.toUpperCase().indexOf(marker);
		if (index < 0) continue;
		currency ??= code;
		text = text.slice(0, index) + ' ' + text.slice(index + marker.length);
	}
	text = text.trim();
	const negative = /^-\s*/.test(text) || /^\(.*\)$/.test(text);
	text = text.replace(/^-\s*/, '').replace(/^\((.*)\)$/, '$1').trim();
	const magnitude = MAGNITUDES[text.slice(-1)] ?? 1;
	if (magnitude !== 1) text = text.slice(0, -1).trim();
	const figures = parseNumber(text);
	if (figures === undefined) return undefined;
	const amount = Math.round(figures * magnitude * 100) / 100;
	const signed = negative ? -amount : amount;
	return currency === undefined ? { amount: signed } : { amount: signed, currency };
}

const DIGITS: Record<string, number> = {
	零: 0, 〇: 0, 壹: 1, 一: 1, 贰: 2, 貳: 2, 二: 2, 两: 2, 兩: 2, 叁: 3, 參: 3, 三: 3,
	肆: 4, 四: 4, 伍: 5, 五: 5, 陆: 6, 陸: 6, 六: 6, 柒: 7, 七: 7, 捌: 8, 八: 8, 玖: 9, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };

/** A number below 10 000 written with 仟/佰/拾 (`壹仟零贰拾`), or undefined. */
function parseSection(text: string): number | undefined {
	let total = 0;
	let digit: number | undefined;
	for (const char of text) {
		if (char in DIGITS) {
			digit = DIGITS[char];
		} else if (char in SMALL_UNITS) {
			const unit = SMALL_UNITS[char];
			// 拾 alone at the start means ten (拾元 = 10).
			total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
			digit = undefined;
		} else {
			return undefined;
		}
	}
	total += digit ?? 0;
	return Number.isNaN(total) ? undefined : total;
}

function parseWithUnit(text: string, unitChars: string[], unitValue: number, below: (t: string) => number | undefined): number | undefined {
	const unitChar = unitChars.find((char) => text.includes(char));
	if (unitChar === undefined) return below(text);
	const [high, low, ...rest] = text.split(unitChar);
	if (rest.length > 0) return undefined;
	const highValue = high === '' ? undefined : below(high);
	const lowValue = low === '' ? 0 : below(low.replace(/^零/, ''));
	if (highValue === undefined || lowValue === undefined) return undefined;
	return highValue * unitValue + lowValue;
}

function parseYuan(text: string): number | undefined {
	if (text === '') return 0;
	const belowWan = (t: string) => parseSection(t.replace(/^零/, ''));
	const belowYi = (t: string) => parseWithUnit(t, ['万', '萬'], 10_000, belowWan);
	return parseWithUnit(text, ['亿', '億'], 100_000_000, belowYi);
}

/**
 * The value of a Chinese uppercase amount (`壹仟贰佰叁拾肆元伍角整`, `人民币叁拾元零伍分`, `⊗壹佰元整`),
 * or undefined when the text isn't one.
 */
export function parseChineseAmount(value: string): number | undefined {
	let text = value
		.replace(/[\s（）()：:]/g, '')
		.replace(/^[⊗ⓧ✖×xX]+/, '')
		.replace(/^(人民币|大写)+/, '')
		.replace(/[整正]$/, '');
	const negative = /^负/.test(text);
	if (negative) text = text.slice(1);
	const match = /^(?:(.*?)[元圆圓])?(?:零?(.)角)?(?:零?(.)分)?$/.exec(text);
	if (!match || text === '') return undefined;
	const yuan = parseYuan(match[1] ?? '');
	const jiao = match[2] === undefined ? 0 : DIGITS[match[2]];
	const fen = match[3] === undefined ? 0 : DIGITS[match[3]];
	if (yuan === undefined || jiao === undefined || fen === undefined) return undefined;
	if (match[1] === undefined && match[2] === undefined && match[3] === undefined) return undefined;
	const amount = Math.round((yuan + jiao / 10 + fen / 100) * 100) / 100;
	return negative ? -amount : amount;
}
