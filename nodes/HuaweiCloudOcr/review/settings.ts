/** Reading the Check Results options of one item. */
import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MIN_CONFIDENCE } from './properties';

export interface ReviewSettings {
	checkResults: boolean;
	minConfidence: number;
	addNormalized: boolean;
	/** Today in the workflow's timezone (YYYY-MM-DD): what "expired" is measured against. */
	today: string;
}

/** Today's date in an IANA timezone; falls back to UTC for a zone luxon does not know. */
export function todayIn(timezone: string, now: Date = new Date()): string {
	const zoned = DateTime.fromJSDate(now).setZone(timezone);
	return (zoned.isValid ? zoned : DateTime.fromJSDate(now).toUTC()).toISODate() as string;
}

function minConfidenceOf(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): number {
	if (raw === undefined || raw === null || raw === '') return DEFAULT_MIN_CONFIDENCE;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0 || value > 1) {
		throw new NodeOperationError(ctx.getNode(), `Minimum Confidence must be between 0 and 1, not ${JSON.stringify(raw)}`, {
			itemIndex,
			description: 'Set Options → Minimum Confidence to a number from 0 to 1, e.g. 0.8.',
		});
	}
	return value;
}

export function readReviewSettings(ctx: IExecuteFunctions, itemIndex: number, now?: Date): ReviewSettings {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		checkResults: options.checkResults !== false,
		minConfidence: minConfidenceOf(ctx, itemIndex, options.minConfidence),
		addNormalized: options.addNormalized !== false,
		today: todayIn(ctx.getTimezone(), now),
	};
}
