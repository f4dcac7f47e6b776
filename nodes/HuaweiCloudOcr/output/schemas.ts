/**
 * zod contracts for the `result` of each result family.
 *
 * Never stricter than Huawei's official SDK models (test/unit/output/contracts.property.test.ts proves
 * it against them): every field is optional, because the SDK marks nearly all of them optional and
 * Huawei leaves fields out; `null` counts as missing (nulls are dropped before checking); lists may
 * be empty; every object passes unknown fields through, so a new Huawei field never breaks a
 * workflow. Only the types of the fields the simplifiers read are checked.
 */
import { z } from 'zod';
import type { OcrOperation, ResultFamily } from '../catalog/types';

const looseObject = z.record(z.unknown());
const indexList = z.array(z.number());

export const wordsBlockSchema = z
	.object({
		words: z.string().optional(),
		confidence: z.number().optional(),
		location: z.unknown().optional(),
		font_list: z.array(z.string()).optional(),
		font_scores: z.array(z.number()).optional(),
	})
	.passthrough();

export const textResultSchema = z
	.object({
		direction: z.number().optional(),
		words_block_list: z.array(wordsBlockSchema).optional(),
		markdown_result: z.string().optional(),
		extracted_data: looseObject.optional(),
	})
	.passthrough();

export const tableCellSchema = z
	.object({
		words: z.string().optional(),
		confidence: z.number().optional(),
		rows: indexList.optional(),
		columns: indexList.optional(),
	})
	.passthrough();

export const wordsRegionSchema = z
	.object({
		type: z.string().optional(),
		words_block_list: z.array(tableCellSchema).optional(),
	})
	.passthrough();

export const tableResultSchema = z
	.object({
		words_region_list: z.array(wordsRegionSchema).optional(),
		excel: z.string().optional(),
	})
	.passthrough();

/** A table or form in a smart-document result. */
export const documentTableSchema = z
	.object({
		words_block_list: z.array(tableCellSchema).optional(),
		excel: z.string().optional(),
	})
	.passthrough();

export const smartDocumentPartSchema = z
	.object({
		ocr_result: z
			.object({ direction: z.number().optional(), words_block_list: z.array(wordsBlockSchema).optional() })
			.passthrough()
			.optional(),
		kv_result: z
			.object({
				kv_block_list: z
					.array(z.object({ key: z.string().optional(), value: z.string().optional() }).passthrough())
					.optional(),
			})
			.passthrough()
			.optional(),
		table_result: z
			.object({ table_list: z.array(documentTableSchema).optional() })
			.passthrough()
			.optional(),
		form_result: z
			.object({ form_list: z.array(documentTableSchema).optional() })
			.passthrough()
			.optional(),
		layout_result: z
			.object({
				layout_block_list: z
					.array(z.object({ type: z.string().optional(), text: z.string().optional() }).passthrough())
					.optional(),
			})
			.passthrough()
			.optional(),
		formula_result: z
			.object({
				formula_list: z
					.array(z.object({ formula: z.string().optional(), type: z.string().optional() }).passthrough())
					.optional(),
			})
			.passthrough()
			.optional(),
	})
	.passthrough();

export const smartDocumentResultSchema = z.array(smartDocumentPartSchema);

export const fieldsResultSchema = looseObject;

/** An array of found objects, or an object holding one (e.g. `bank_receipt_list`). */
export const listResultSchema = z.union([z.array(looseObject), looseObject]);

export const classifiedDocumentSchema = z
	.object({
		type: z.string().optional(),
		content: looseObject.optional(),
		status: z
			.object({ error_code: z.string().optional(), error_msg: z.string().optional() })
			.passthrough()
			.optional(),
	})
	.passthrough();

/** auto-classification returns an array of documents; auto-id-doc-classification one object. */
export const classificationResultSchema = z.union([
	z.array(classifiedDocumentSchema),
	z.object({ type: z.string().optional() }).passthrough(),
]);

export const verificationResultSchema = looseObject;

export type WordsBlock = z.infer<typeof wordsBlockSchema>;
export type TextResult = z.infer<typeof textResultSchema>;
export type TableCellData = z.infer<typeof tableCellSchema>;
export type TableResult = z.infer<typeof tableResultSchema>;
export type DocumentTable = z.infer<typeof documentTableSchema>;
export type SmartDocumentPart = z.infer<typeof smartDocumentPartSchema>;
export type SmartDocumentResult = z.infer<typeof smartDocumentResultSchema>;
export type FieldsResult = z.infer<typeof fieldsResultSchema>;
export type ListResult = z.infer<typeof listResultSchema>;
export type ClassifiedDocument = z.infer<typeof classifiedDocumentSchema>;
export type ClassificationResult = z.infer<typeof classificationResultSchema>;
export type VerificationResult = z.infer<typeof verificationResultSchema>;

export const RESULT_SCHEMAS = {
	text: textResultSchema,
	table: tableResultSchema,
	smartDocument: smartDocumentResultSchema,
	fields: fieldsResultSchema,
	list: listResultSchema,
	classification: classificationResultSchema,
	verification: verificationResultSchema,
} satisfies Record<ResultFamily, z.ZodTypeAny>;

/** A validated result, tagged with its family so the simplifiers get the right type. */
export type ValidatedResult =
	| { family: 'text'; result: TextResult }
	| { family: 'table'; result: TableResult }
	| { family: 'smartDocument'; result: SmartDocumentResult }
	| { family: 'fields'; result: FieldsResult }
	| { family: 'list'; result: ListResult }
	| { family: 'classification'; result: ClassificationResult }
	| { family: 'verification'; result: VerificationResult };

/** Thrown when a response does not have the shape this node reads. Its message names the request ID. */
export class UnreadableResultError extends Error {
	constructor(
		message: string,
		readonly requestId: string | undefined,
		readonly issues: string[],
	) {
		super(message);
		this.name = 'UnreadableResultError';
	}
}

function describeIssue(issue: z.ZodIssue): string {
	const path = issue.path.reduce<string>(
		(text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`),
		'result',
	);
	return `${path}: ${issue.message}`;
}

const MAX_LISTED_ISSUES = 3;

/** A copy without `null` object fields, at every depth: Huawei's `null` means "not returned". */
export function withoutNulls(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNulls);
	if (typeof value !== 'object' || value === null) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		if (field !== null) copy[key] = withoutNulls(field);
	}
	return copy;
}

/**
 * Checks `result` against the schema of the operation's result family, without throwing.
 * The error's message names the operation, the request ID and the first problems found.
 */
export function checkResult(
	op: OcrOperation,
	result: unknown,
	requestId: string | undefined,
): { ok: true; value: ValidatedResult } | { ok: false; error: UnreadableResultError } {
	const family = op.result.family;
	const parsed = RESULT_SCHEMAS[family].safeParse(withoutNulls(result));
	if (parsed.success) return { ok: true, value: { family, result: parsed.data } as ValidatedResult };
	const issues = parsed.error.issues.map(describeIssue);
	const listed = issues.slice(0, MAX_LISTED_ISSUES).join('; ');
	const more = issues.length > MAX_LISTED_ISSUES ? ` (and ${issues.length - MAX_LISTED_ISSUES} more)` : '';
	const message = `Huawei Cloud returned a ${op.name} result this node cannot read (request ID ${requestId ?? 'unknown'}): ${listed}${more}`;
	return { ok: false, error: new UnreadableResultError(message, requestId, issues) };
}

/** The typed result, or throws an UnreadableResultError (see checkResult). */
export function validateResult(
	op: OcrOperation,
	result: unknown,
	requestId: string | undefined,
): ValidatedResult {
	const checked = checkResult(op, result, requestId);
	if (!checked.ok) throw checked.error;
	return checked.value;
}
