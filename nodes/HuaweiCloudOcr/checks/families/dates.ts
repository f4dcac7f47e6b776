/** Date checks: real calendar dates, documents not expired, life-cycle dates in order. */
import type { NumericDateOrder } from '../primitives/dates';
import {
	formatDate,
	isRealDate,
	meansNoExpiry,
	normalizeDate,
	normalizeMonthYear,
	parseDateParts,
} from '../primitives/dates';
import { lookAlikeRepairs } from '../primitives/lookAlike';
import type { Check, ResultView } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { checkName, quote } from './naming';

/** How a date field is written: a full date (maybe day first) or a card's month/year. */
export interface DateField {
	field: string;
	order?: NumericDateOrder;
	monthYear?: boolean;
}

export const dateField = (field: string, order?: NumericDateOrder): DateField => ({ field, order });

export function readDate(view: ResultView, date: DateField): string | undefined {
	const text = view.text(date.field);
	if (text === undefined) return undefined;
	return date.monthYear ? normalizeMonthYear(text) : normalizeDate(text, date.order);
}

export function calendarDateCheck(date: DateField): Check {
	return {
		name: checkName('date', date.field),
		field: date.field,
		description: 'A real calendar date',
		run(view) {
			const text = view.text(date.field);
			if (text === undefined || meansNoExpiry(text)) return SKIPPED;
			if (readDate(view, date) !== undefined) return PASSED;
			const parts = date.monthYear ? undefined : parseDateParts(text, date.order);
			if (parts !== undefined && !isRealDate(parts)) {
				return failed({
					field: date.field,
					message: `${quote(text)} is not a real date (${formatDate(parts)} does not exist)`,
					value: text,
				});
			}
			// A letter read for a digit (2O21-03-14) leaves the form unrecognised: offer the one reading that works.
			const readable = (candidate: string) => normalizeDate(candidate, date.order) !== undefined;
			const repairs = lookAlikeRepairs(text.toUpperCase(), () => 'digit', readable);
			if (repairs.length === 1) {
				return failed({
					field: date.field,
					message: `${quote(text)} is not a date; reading '${repairs[0].from}' as '${repairs[0].to}' gives ${normalizeDate(repairs[0].value, date.order)}`,
					value: text,
					suggestion: repairs[0].value,
				});
			}
			// Forms we don't know (or day/month orders the digits can't settle) are not the document's fault.
			return SKIPPED;
		},
	};
}

export function notExpiredCheck(date: DateField): Check {
	return {
		name: checkName('expiry', date.field),
		field: date.field,
		description: "The document's expiry date is not before today (in the workflow's timezone)",
		run(view, context) {
			const text = view.text(date.field);
			if (text === undefined || meansNoExpiry(text)) return text === undefined ? SKIPPED : PASSED;
			const expiry = readDate(view, date);
			if (expiry === undefined) return SKIPPED;
			if (expiry >= context.today) return PASSED;
			return failed({
				field: date.field,
				message: `document expired on ${expiry} (today is ${context.today})`,
				value: text,
			});
		},
	};
}

export interface LifeCycleDates {
	birth?: DateField;
	issue?: DateField;
	expiry?: DateField;
}

type LifeCycleStage = keyof LifeCycleDates;

interface KnownDate {
	stage: LifeCycleStage;
	field: string;
	value: string;
}

/** Birth before issue before expiry, and birth not after today. */
export function datesInOrderCheck(dates: LifeCycleDates): Check {
	const stages = (['birth', 'issue', 'expiry'] as const).filter((stage) => dates[stage] !== undefined);
	return {
		name: 'dates.order',
		field: stages.map((stage) => dates[stage]?.field).join(', '),
		description: 'Birth date before issue date before expiry date, and birth date not in the future',
		run(view, context) {
			const known: KnownDate[] = [];
			for (const stage of stages) {
				const date = dates[stage] as DateField;
				const value = readDate(view, date);
				if (value !== undefined) known.push({ stage, field: date.field, value });
			}
			const birth = known.find((entry) => entry.stage === 'birth');
			if (birth && birth.value > context.today) {
				return failed({
					field: birth.field,
					message: `birth date ${birth.value} is after today (${context.today})`,
					value: view.text(birth.field),
				});
			}
			// One date has no order to check, unless it is a birth date (checked against today above).
			if (known.length < 2) return birth ? PASSED : SKIPPED;
			for (let i = 1; i < known.length; i++) {
				const [earlier, later] = [known[i - 1], known[i]];
				if (earlier.value >= later.value) {
					return failed({
						field: later.field,
						message: `${later.stage} date ${later.value} is not after ${earlier.stage} date ${earlier.value}`,
						value: view.text(later.field),
					});
				}
			}
			return PASSED;
		},
	};
}
