/** The node parameters of Check Results: the Options entries and the Needs Review output switch. */
import type { INodeProperties } from 'n8n-workflow';

/** Name of the top-level switch that gives the node its second output. */
export const REVIEW_OUTPUT = 'reviewOutput';

export const DEFAULT_MIN_CONFIDENCE = 0.8;

/**
 * The node's outputs: one stream, or Main plus Needs Review while the switch is on. An expression over
 * the parameter, as n8n's Switch and Text Classifier nodes do, so the editor draws the second output.
 */
export const NODE_OUTPUTS = `={{ $parameter.${REVIEW_OUTPUT} === true ? [{ "type": "main", "displayName": "Main" }, { "type": "main", "displayName": "Needs Review" }] : [{ "type": "main" }] }}` as const;

const reviewOutputDescription =
	'Whether to send items that fail a check to a second output, Needs Review, so that a person can look at them. Off: every item goes to the one output and carries its check results.';

/**
 * The switch exists in every version; only its default differs. Workflows saved with version 1 have
 * nothing connected to a second output, so they keep one stream; nodes added from version 1.1 on get
 * Needs Review.
 */
export function reviewOutputProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Needs Review Output',
			name: REVIEW_OUTPUT,
			type: 'boolean',
			default: false,
			noDataExpression: true,
			description: reviewOutputDescription,
			displayOptions: { show: { '@version': [1] } },
		},
		{
			displayName: 'Needs Review Output',
			name: REVIEW_OUTPUT,
			type: 'boolean',
			default: true,
			noDataExpression: true,
			description: reviewOutputDescription,
			displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		},
	];
}

/** Entries of the shared Options collection (the node sorts the collection by display name). */
export function reviewOptionFields(): INodeProperties[] {
	return [
		{
			displayName: 'Check Results',
			name: 'checkResults',
			type: 'boolean',
			default: true,
			description:
				"Whether to check what Huawei read: check digits (MRZ, PRC ID numbers, VINs, bank cards), dates and expiry, invoice totals, Huawei's own alarms and low-confidence fields. Every item a check ran on gets a checks summary; an item that fails a check gets review reasons and goes to Needs Review.",
		},
		{
			displayName: 'Minimum Confidence',
			name: 'minConfidence',
			type: 'number',
			default: DEFAULT_MIN_CONFIDENCE,
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			description:
				'Fields Huawei read with a lower confidence score (0 to 1) fail the confidence check. Confidence is requested from Huawei automatically while Check Results is on.',
		},
		{
			displayName: 'Add Normalized Values',
			name: 'addNormalized',
			type: 'boolean',
			default: true,
			description:
				'Whether to add typed copies of dates (YYYY-MM-DD) and amounts (numbers) beside the fields Huawei returned, in a normalized object. The original fields stay as Huawei returned them.',
		},
	];
}
