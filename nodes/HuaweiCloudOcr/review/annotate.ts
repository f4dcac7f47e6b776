/**
 * Check results and normalized values on the output items of one response. Every item of the
 * response gets the same `checks` summary; when a check failed, a `review` with the reasons.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { CheckOutcome, ReviewReason } from '../checks';
import { normalizedValues, runChecks } from '../checks';
import type { ReviewSettings } from './settings';

/** What an item carries while Check Results is on and a check ran on it: check names, so a workflow can branch on them. */
export interface ChecksSummary {
	passed: string[];
	failed: string[];
	skipped: string[];
}

export const NORMALIZED_SUFFIX = '_normalized';

/** An item carries `checks` only when at least one check ran on it (skipped ones alone say nothing). */
export function checksRan(outcome: { passed: readonly unknown[]; failed: readonly unknown[] }): boolean {
	return outcome.passed.length > 0 || outcome.failed.length > 0;
}

function summaryOf(outcome: CheckOutcome): ChecksSummary {
	return {
		passed: [...outcome.passed],
		failed: [...new Set(outcome.failed.map((reason) => reason.check))],
		skipped: [...outcome.skipped],
	};
}

/**
 * The checks of a billed answer must not cost the answer: if they break on a shape nobody foresaw,
 * the item goes to a person with that reason instead of failing.
 */
function safeOutcome(operationId: string, rawResult: unknown, settings: ReviewSettings): CheckOutcome {
	try {
		return runChecks(operationId, rawResult, { today: settings.today, minConfidence: settings.minConfidence });
	} catch (error) {
		const reason: ReviewReason = {
			field: '',
			check: 'checks.couldNotRun',
			message: `The result could not be checked (${(error as Error).message}); please look at it`,
		};
		return { passed: [], failed: [reason], skipped: [] };
	}
}

export function safeNormalizedValues(operationId: string, rawResult: unknown): Record<string, unknown> {
	try {
		return normalizedValues(operationId, rawResult);
	} catch {
		return {};
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A typed value as spreadsheet cells: a date stays its `YYYY-MM-DD` string; money becomes the number
 * and, when known, its currency in a second cell.
 */
function cellsOf(key: string, typed: unknown): IDataObject {
	const name = `${key}${NORMALIZED_SUFFIX}`;
	if (isObject(typed) && typeof typed.amount === 'number') {
		const cells: IDataObject = { [name]: typed.amount };
		if (typeof typed.currency === 'string') cells[`${name}_currency`] = typed.currency;
		return cells;
	}
	return { [name]: typed as IDataObject[string] };
}

/** Each normalized value right after the field it was read from, as `<field>_normalized`. */
function besideFields(json: IDataObject, normalized: Record<string, unknown>): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(json)) {
		out[key] = value;
		const typed = normalized[key];
		if (typed === undefined) continue;
		for (const [name, cell] of Object.entries(cellsOf(key, typed))) {
			if (!(name in json)) out[name] = cell;
		}
	}
	return out;
}

/** Normalized values of list results are keyed `[i].field`: the ones of entry `i`. */
function ofEntry(normalized: Record<string, unknown>, index: number): Record<string, unknown> {
	const prefix = `[${index}].`;
	return Object.fromEntries(
		Object.entries(normalized)
			.filter(([key]) => key.startsWith(prefix))
			.map(([key, value]) => [key.slice(prefix.length), value]),
	);
}

/**
 * Simplified items get the typed values beside their fields (entries of a list in their own row or
 * in `items`). Raw output keeps Huawei's result untouched, so the typed values go in an object beside it.
 */
export function withNormalized(
	json: IDataObject,
	normalized: Record<string, unknown>,
	simplified: boolean,
	entryIndex: number,
): IDataObject {
	if (Object.keys(normalized).length === 0) return json;
	if (!simplified) return { ...json, normalized: normalized as IDataObject };
	const entries = json.items;
	if (Array.isArray(entries) && entries.every(isObject)) {
		const items = entries.map((entry, index) => besideFields(entry as IDataObject, ofEntry(normalized, index)));
		return besideFields({ ...json, items }, normalized);
	}
	const own = ofEntry(normalized, entryIndex);
	return besideFields(json, Object.keys(own).length > 0 ? own : normalized);
}

export function annotateItems(
	operationId: string,
	rawResult: unknown,
	items: INodeExecutionData[],
	settings: ReviewSettings,
	simplified: boolean,
): INodeExecutionData[] {
	if (!settings.checkResults && !settings.addNormalized) return items;
	const normalized = settings.addNormalized ? safeNormalizedValues(operationId, rawResult) : {};
	const outcome = settings.checkResults ? safeOutcome(operationId, rawResult, settings) : undefined;
	return items.map((item, index) => {
		const json = withNormalized(item.json, normalized, simplified, index);
		if (outcome && checksRan(outcome)) {
			json.checks = summaryOf(outcome) as unknown as IDataObject;
			if (outcome.failed.length > 0) json.review = { reasons: outcome.failed as unknown as IDataObject[] };
		}
		return { ...item, json };
	});
}

/** The rule of the Needs Review output: any failed check. */
export function needsReview(item: INodeExecutionData): boolean {
	const checks = item.json.checks as Partial<ChecksSummary> | undefined;
	return Array.isArray(checks?.failed) && checks.failed.length > 0;
}
