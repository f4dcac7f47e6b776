/**
 * What a workflow builder can rely on in the simplified output of each result family, as zod
 * schemas: the contract the next node (Sheets, Set, Switch, a CRM) is built against.
 */
import { z } from 'zod';

import type { ResultFamily } from '../../../nodes/HuaweiCloudOcr/catalog/types';

const primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const flatObject = z.record(primitive.or(z.array(primitive)));
/** A spreadsheet-ready field value: never a nested object, at most a list of flat rows. */
const fieldValue = z.union([primitive, z.array(primitive), z.array(flatObject)]);
const requestId = z.string().regex(/^[0-9a-f]{32}$/);

const grid = z.object({ rows: z.array(z.array(z.string())) }).passthrough();

/** Per-field confidence maps and locations stay out unless asked for (a single score may stay). */
const fieldsWithoutDetails = z
	.record(fieldValue)
	.refine(
		(fields) =>
			Object.keys(fields).every((key) => !key.endsWith('_confidence') && !key.includes('location')) &&
			(fields.confidence === undefined || typeof fields.confidence === 'number'),
		{ message: 'confidence maps and locations are only included on request' },
	);

export const SIMPLIFIED_SCHEMAS: Record<ResultFamily, z.ZodTypeAny> = {
	text: z
		.object({
			text: z.string(),
			lines: z.array(z.object({ text: z.string(), confidence: z.number() }).strict()),
			lineCount: z.number().int(),
			requestId,
		})
		.passthrough(),
	table: z.object({ text: z.string(), tables: z.array(grid), tableCount: z.number().int(), requestId }).passthrough(),
	smartDocument: z
		.object({
			text: z.string(),
			fields: z.record(z.string()),
			tables: z.array(grid),
			tableCount: z.number().int(),
			requestId,
		})
		.passthrough(),
	fields: fieldsWithoutDetails.and(z.object({ requestId })),
	verification: fieldsWithoutDetails.and(z.object({ requestId })),
	list: z.object({ items: z.array(z.record(fieldValue)), count: z.number().int(), requestId }).strict(),
	classification: z
		.object({
			documents: z.array(z.object({ type: z.string(), fields: z.record(fieldValue) }).passthrough()),
			count: z.number().int(),
			requestId,
		})
		.passthrough(),
};

/** What Check Results adds to every item: check names to branch on and, when one failed, reasons for a person. */
export const CHECK_RESULTS_SCHEMA = z
	.object({
		checks: z.object({ passed: z.array(z.string()), failed: z.array(z.string()), skipped: z.array(z.string()) }).strict(),
		review: z
			.object({
				reasons: z
					.array(
						z
							.object({
								field: z.string(),
								check: z.string(),
								message: z.string(),
								value: z.string().optional(),
								expected: z.string().optional(),
								confidence: z.number().optional(),
								suggestion: z.string().optional(),
							})
							.strict(),
					)
					.min(1),
			})
			.strict()
			.optional(),
	})
	.strict();

/** What reading the file cost (node version 1.1 and later, on every item but table rows). */
export const COST_SCHEMA = z
	.object({ billedAnswers: z.number().int().min(0), attempts: z.number().int().min(0), pages: z.number().int().min(0) })
	.strict();

/** A simplified item: its family's fields plus the check results (only when a check ran) and its cost. */
export function parseSimplifiedItem(family: ResultFamily, json: Record<string, unknown>): void {
	const { checks, review, cost, ...fields } = json;
	if (checks !== undefined || review !== undefined) {
		CHECK_RESULTS_SCHEMA.parse(review === undefined ? { checks } : { checks, review });
	}
	if (cost !== undefined) COST_SCHEMA.parse(cost);
	SIMPLIFIED_SCHEMAS[family].parse(fields);
}
