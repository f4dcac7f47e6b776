/**
 * Check results and normalized values on the output items of one response. Every item of the
 * response gets the same `checks` summary; when a check failed, a `review` with the reasons.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { CheckOutcome, ReviewReason } from '../checks';
import { normalizedValues, runChecks } from '../checks';
import type { ReviewSettings } from './settings';

/** What every item carries while Check Results is on: check names, so a workflow can branch on them. */
export interface ChecksSummary {
	passed: string[];
	failed: string[];
	skipped: string[];
}

export const NORMALIZED_SUFFIX = '_normalized';

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

function safeNormalizedValues(operationId: string, rawResult: unknown): Record<string, unknown> {
	try {
		return normalizedValues(operationId, rawResult);
	} catch {
		return {};
	}
}

/** Each normalized value right after the field it was read from, as `<field>_normalized`. */
function besideFields(json: IDataObject, normalized: Record<string, unknown>): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(json)) {
		out[key] = value;
		const typed = normalized[key];
		if (typed !== undefined && !(`${key}${NORMALIZED_SUFFIX}` in json)) {
			out[`${key}${NORMALIZED_SUFFIX}`] = typed as IDataObject[string];
		}
	}
	return out;
}

function withNormalized(json: IDataObject, normalized: Record<string, unknown>, simplified: boolean): IDataObject {
	if (Object.keys(normalized).length === 0) return json;
	// Raw output keeps Huawei's result untouched, so the typed copies go in an object beside it.
	return simplified ? besideFields(json, normalized) : { ...json, normalized: normalized as IDataObject };
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
	return items.map((item) => {
		const json = withNormalized(item.json, normalized, simplified);
		if (outcome) {
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
