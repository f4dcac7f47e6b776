/**
 * Dates as Huawei returns them (`2021-03-14`, `2021.03.14`, `2021年03月14日`, `20210314`, `14 MAR 2021`,
 * `14/03/2021`, MRZ `210314`) turned into `YYYY-MM-DD`. A day/month order is only assumed when the
 * digits leave no doubt or the field's document is known to print day first (or month first).
 */

export interface DateParts {
	year: number;
	month: number;
	day: number;
}

/** How a document prints numeric dates whose order the digits alone can't tell. */
export type NumericDateOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
	JAN: 1, JANV: 1, ENE: 1,
	FEB: 2, FEV: 2, FEVR: 2,
	MAR: 3, MARS: 3,
	APR: 4, ABR: 4, AVR: 4, AVRIL: 4,
	MAY: 5, MAI: 5,
	JUN: 6, JUIN: 6,
	JUL: 7, JUIL: 7,
	AUG: 8, AGO: 8, AOU: 8, AOUT: 8,
	SEP: 9, SEPT: 9, SET: 9,
	OCT: 10,
	NOV: 11,
	DEC: 12, DIC: 12,
};

function monthNumber(name: string): number | undefined {
	const upper = name.toUpperCase().replace(/\.$/, '');
	return MONTHS[upper] ?? MONTHS[upper.slice(0, 3)];
}

/** Words printed instead of an expiry date on documents that never expire. */
const NO_EXPIRY = /^(长期|長期|永久|long[\s-]?term|permanent|indefinite|indefinido|no expiry|none)$/i;

export function meansNoExpiry(value: string): boolean {
	return NO_EXPIRY.test(value.trim());
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(parts: DateParts): boolean {
	return (
		Number.isInteger(parts.year) &&
		parts.year >= 1000 &&
		parts.year <= 9999 &&
		parts.month >= 1 &&
		parts.month <= 12 &&
		parts.day >= 1 &&
		parts.day <= daysInMonth(parts.year, parts.month)
	);
}

export function formatDate(parts: DateParts): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function numericDayMonth(
	first: number,
	second: number,
	year: number,
	order: NumericDateOrder | undefined,
): DateParts | undefined {
	if (first === second) return { year, month: first, day: first };
	if (first > 12 && second <= 12) return { year, month: second, day: first };
	if (second > 12 && first <= 12) return { year, month: first, day: second };
	if (order === 'dmy') return { year, month: second, day: first };
	if (order === 'mdy') return { year, month: first, day: second };
	return undefined;
}

const TRAILING_TIME = /[\sT]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The year, month and day a date string names, whether or not that day exists (so a check can say
 * "30 February is not a date"), or undefined when the form isn't recognised or is ambiguous.
 */
export function parseDateParts(value: string, order?: NumericDateOrder): DateParts | undefined {
	const text = value.trim().replace(TRAILING_TIME, '').trim();
	let match = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(text);
	if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
	match = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(text);
	if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
	// 14 MAR 2021, 14-Mar-2021, 14 MAR/MARS 2021 (bilingual passports), 14 Mar. 2021
	match = /^(\d{1,2})[\s./-]*([A-Za-z]{3,5})\.?(?:\/[A-Za-z]{3,5})?[\s./,-]*(\d{4})$/.exec(text);
	if (match) {
		const month = monthNumber(match[2]);
		return month === undefined ? undefined : { year: Number(match[3]), month, day: Number(match[1]) };
	}
	// Mar 14, 2021
	match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
	if (match) {
		const month = monthNumber(match[1]);
		return month === undefined ? undefined : { year: Number(match[3]), month, day: Number(match[2]) };
	}
	match = /^(\d{1,2})(?:\s*[-./]\s*|\s+)(\d{1,2})(?:\s*[-./]\s*|\s+)(\d{4})$/.exec(text);
	if (match) return numericDayMonth(Number(match[1]), Number(match[2]), Number(match[3]), order);
	return undefined;
}

/** `YYYY-MM-DD`, or undefined when the value isn't a recognisable, real date. */
export function normalizeDate(value: string, order?: NumericDateOrder): string | undefined {
	const parts = parseDateParts(value, order);
	return parts !== undefined && isRealDate(parts) ? formatDate(parts) : undefined;
}

/**
 * A bank card's `MM/YY` (or `MM/YYYY`) expiry as the last day of that month, when cards stop working.
 */
export function normalizeMonthYear(value: string): string | undefined {
	const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(value.trim());
	if (!match) return undefined;
	const month = Number(match[1]);
	const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
	if (month < 1 || month > 12) return undefined;
	return formatDate({ year, month, day: daysInMonth(year, month) });
}

/**
 * An MRZ `YYMMDD` date. Birth dates take the latest century that doesn't put them after today;
 * expiry dates are in this century unless that puts them more than 50 years ahead.
 */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: string): string | undefined {
	if (!/^\d{6}$/.test(yymmdd)) return undefined;
	const yy = Number(yymmdd.slice(0, 2));
	const month = Number(yymmdd.slice(2, 4));
	const day = Number(yymmdd.slice(4, 6));
	const currentYear = Number(today.slice(0, 4));
	let year = 2000 + yy;
	if (kind === 'birth' && formatDate({ year, month, day }) > today) year -= 100;
	if (kind === 'expiry' && year > currentYear + 50) year -= 100;
	const parts = { year, month, day };
	return isRealDate(parts) ? formatDate(parts) : undefined;
}
