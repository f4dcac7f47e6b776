/** Normalized values beside the originals: dates as `YYYY-MM-DD`, money as `{ amount, currency? }`. */
import { readDate } from './families/dates';
import { amountOf } from './families/invoices';
import { rulesFor } from './rules';
import type { ResultView } from './types';

export function normalizedFields(operationId: string, view: ResultView): Record<string, unknown> {
	const rules = rulesFor(operationId);
	const values: Record<string, unknown> = {};
	if (rules === undefined) return values;
	for (const date of rules.dates ?? []) {
		const value = readDate(view, date);
		if (value !== undefined) values[date.field] = value;
	}
	for (const field of rules.amounts ?? []) {
		const money = amountOf(view.text(field));
		if (money !== undefined) values[field] = money;
	}
	return values;
}
