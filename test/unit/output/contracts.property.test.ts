/**
 * Our response contracts are never stricter than Huawei's official SDK models.
 *
 * For all 44 offered operations, results are built from the SDK models (every field at its SDK type,
 * nested classes expanded), then varied: each optional field left out, each optional field null, each
 * list emptied, and (fast-check, seeded) unknown fields added anywhere. Every variant must pass the
 * contract and go through the node's output shaping in every output mode without an error or a
 * fallback warning, and the simplified item must keep every scalar value that was present, except
 * where a documented option or rule hides it (HIDDEN below).
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import { shapeOutput } from '../../../nodes/HuaweiCloudOcr/output';
import { OUTPUT_MODES } from '../../../nodes/HuaweiCloudOcr/output/properties';
import { checkResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { parseSdkType, sdkFields, sdkResultType } from '../../emulator/spec/sdkModels';
import { fakeContext } from './helpers';
import { objectAt, objectPaths, sdkVariants } from './sdkShaped';

/** How many variants the SDK models give for the 44 operations (extras come on top). */
const EXPECTED_VARIANTS = 3172;
const EXTRA_FIELD_RUNS = 25;
/** Families flattened field by field: unknown fields are kept at any depth outside lists. */
const FLAT_FAMILIES = new Set(['fields', 'verification']);

type Json = unknown;

function splitMode(op: OcrOperation): string {
	if (op.result.family === 'list') return OUTPUT_MODES.listEntries;
	if (op.result.family === 'classification') return OUTPUT_MODES.detectedDocuments;
	return OUTPUT_MODES.tableRows;
}

function outputModes(op: OcrOperation): Array<{ name: string; parameters: IDataObject }> {
	return [
		{ name: 'simplified', parameters: { simplify: true } },
		{ name: 'one item per row/entry/document', parameters: { simplify: true, tableOutput: splitMode(op) } },
		{ name: 'raw', parameters: { simplify: false } },
		{ name: 'Attach Text File', parameters: { simplify: true, options: { attachText: true } } },
		{ name: 'Attach Excel File', parameters: { simplify: true, options: { attachExcel: true } } },
		{
			name: 'simplified with every Include option',
			parameters: { simplify: true, options: { includeConfidence: true, includeLocations: true, includeImages: true } },
		},
	];
}

/**
 * Values the simplified item does not carry, and why:
 * - locations, images and per-field confidence maps: Include Locations / Include Images / Include Confidence;
 * - `*_count`: the list's length is in lineCount / count / tableCount;
 * - `char_list`: its characters are in the words; `rows`/`columns`: they place a cell in the grid;
 *   a region's `type`: whether its text lands in `text` or in `tables`;
 * - `excel`: Huawei's workbook is what Attach Excel File attaches;
 * - table cells' `confidence` and `words_list` (text lines inside a cell with their positions) and
 *   smart-document line confidence and key-value `words_block_list`: the item carries the cell, line,
 *   key and value text, not per-piece details.
 */
function hidden(className: string, field: string, type: string): boolean {
	if (field === 'location' || field.endsWith('_location') || field.endsWith('_image')) return true;
	if (field === 'confidence' && parseSdkType(type).kind !== 'scalar') return true;
	if (field.endsWith('_count') || field === 'char_list' || field === 'excel') return true;
	if (field === 'rows' || field === 'columns') return true;
	if (field === 'type' && className.endsWith('WordsRegionList')) return true;
	if (/^(GeneralTable|FinancialStatement)WordsBlockList$/.test(className) && (field === 'confidence' || field === 'words_list')) {
		return true;
	}
	if (className === 'SmartDocumentRecognizerWordsBlockList' && field === 'confidence') return true;
	return className === 'SmartDocumentRecognizerKVBlock' && field === 'words_block_list';
}

interface Expected {
	path: string;
	field: string;
	value: string | number | boolean;
}

function scalarsOf(value: Json, path: string, field: string, out: Expected[]): void {
	if (value === null || value === undefined) return;
	if (Array.isArray(value)) value.forEach((item, index) => scalarsOf(item, `${path}[${index}]`, field, out));
	else if (typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) scalarsOf(item, `${path}.${key}`, key, out);
	} else out.push({ path, field, value: value as string | number | boolean });
}

/** The scalar values of a result the simplified item must keep, walking it along its SDK type. */
function expectedScalars(value: Json, type: string, path = 'result', field = 'result', out: Expected[] = []): Expected[] {
	if (value === null || value === undefined) return out;
	const parsed = parseSdkType(type);
	if (parsed.kind === 'list' && Array.isArray(value)) {
		value.forEach((item, index) => expectedScalars(item, parsed.item, `${path}[${index}]`, field, out));
	} else if (parsed.kind === 'class' && typeof value === 'object' && !Array.isArray(value)) {
		const object = value as Record<string, Json>;
		const known = new Set<string>();
		for (const child of sdkFields(parsed.name)) {
			known.add(child.name);
			if (!hidden(parsed.name, child.name, child.type)) {
				expectedScalars(object[child.name], child.type, `${path}.${child.name}`, child.name, out);
			}
		}
		for (const [key, item] of Object.entries(object)) if (!known.has(key)) scalarsOf(item, `${path}.${key}`, key, out);
	} else {
		scalarsOf(value, path, field, out);
	}
	return out;
}

interface OutputValues {
	strings: string[];
	numbers: Set<number>;
	/** Boolean values by their key, without underscores, lower case. */
	booleans: Array<[string, boolean]>;
}

const normalKey = (key: string) => key.replace(/_/g, '').toLowerCase();

function outputValues(value: Json, key = '', out: OutputValues = { strings: [], numbers: new Set(), booleans: [] }): OutputValues {
	if (Array.isArray(value)) value.forEach((item) => outputValues(item, key, out));
	else if (value !== null && typeof value === 'object') {
		for (const [child, item] of Object.entries(value)) {
			out.strings.push(child);
			outputValues(item, child, out);
		}
	} else if (typeof value === 'string') out.strings.push(value);
	else if (typeof value === 'number') out.numbers.add(value);
	else if (typeof value === 'boolean') out.booleans.push([normalKey(key), value]);
	return out;
}

function isKept(expected: Expected, output: OutputValues): boolean {
	const { value } = expected;
	if (typeof value === 'boolean') {
		const key = normalKey(expected.field);
		return output.booleans.some(([outKey, outValue]) => outValue === value && outKey.endsWith(key));
	}
	if (typeof value === 'number' && output.numbers.has(value)) return true;
	const text = String(value);
	return output.strings.some((candidate) => candidate.includes(text));
}

function withoutRequestId(json: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(json).filter(([key]) => key !== 'requestId'));
}

/** Every problem found with one result of `op`, as readable lines (empty = fine). */
async function problems(op: OcrOperation, type: string, result: Json, mustKeep: (expected: Expected) => boolean): Promise<string[]> {
	const found: string[] = [];
	const checked = checkResult(op, result, 'req');
	if (!checked.ok) return [`contract refused it: ${checked.error.issues.join('; ')}`];
	for (const mode of outputModes(op)) {
		const { ctx, prepared } = fakeContext(mode.parameters);
		let items: INodeExecutionData[];
		try {
			items = await shapeOutput(ctx, 0, op, { result, requestId: 'a'.repeat(32) });
		} catch (error) {
			found.push(`${mode.name}: threw ${(error as Error).message}`);
			continue;
		}
		if (items.length === 0) found.push(`${mode.name}: no item`);
		const warned = items.find((item) => item.json.warnings !== undefined);
		if (warned) found.push(`${mode.name}: fell back to the raw result: ${JSON.stringify(warned.json.warnings)}`);
		if (mode.name === 'raw' && items[0]?.json.result !== result) found.push('raw: result not returned untouched');
		const options = (mode.parameters.options ?? {}) as IDataObject;
		const wantsFile = options.attachText === true || (options.attachExcel === true && op.result.hasTables === true);
		if (wantsFile && prepared.length !== 1) found.push(`${mode.name}: ${prepared.length} files attached`);
		if (mode.name === 'simplified' && items.length === 1) {
			const output = outputValues(withoutRequestId(items[0].json));
			for (const expected of expectedScalars(result, type)) {
				if (mustKeep(expected) && !isKept(expected, output)) found.push(`simplified lost ${expected.path} = ${JSON.stringify(expected.value)}`);
			}
		}
	}
	return found;
}

const CASES = OPERATIONS.map((op) => {
	const type = sdkResultType(op.id);
	if (type === undefined) throw new Error(`${op.id} has no SDK model`);
	return { op, type, variants: sdkVariants(type) };
});
const VARIANT_COUNT = CASES.reduce((sum, { variants }) => sum + variants.length, 0);

it(`covers all 44 offered operations with ${VARIANT_COUNT} SDK-shaped variants (+ ${EXTRA_FIELD_RUNS} with unknown fields each)`, () => {
	expect(CASES).toHaveLength(44);
	expect(VARIANT_COUNT).toBe(EXPECTED_VARIANTS);
});

describe.each(CASES.map((entry) => [entry.op.id, entry] as const))('%s', (_id, { op, type, variants }) => {
	it(`accepts, simplifies in every output mode and keeps the values of ${variants.length} SDK-shaped variants`, async () => {
		const failures: string[] = [];
		for (const variant of variants) {
			for (const problem of await problems(op, type, variant.result, () => true)) failures.push(`${variant.label} → ${problem}`);
		}
		expect(failures).toEqual([]);
	});

	it('passes unknown fields through anywhere, and keeps top-level ones in the simplified item', async () => {
		const extraValue = fc.oneof(
			fc.string(),
			fc.integer(),
			fc.boolean(),
			fc.double({ noNaN: true, noDefaultInfinity: true }),
			fc.constant(null),
			fc.array(fc.string(), { maxLength: 3 }),
			fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
		);
		const extra = fc.record({
			at: fc.nat(),
			name: fc.stringMatching(/^[a-z]{1,8}$/),
			value: extraValue,
		});
		await fc.assert(
			fc.asyncProperty(fc.nat({ max: variants.length - 1 }), fc.array(extra, { minLength: 1, maxLength: 4 }), async (index, extras) => {
				const result = structuredClone(variants[index].result);
				const paths = objectPaths(result);
				if (paths.length === 0) return;
				const topLevel = new Set<string>();
				extras.forEach((field, n) => {
					const path = paths[field.at % paths.length];
					const name = `new_${field.name}_${n}`;
					objectAt(result, path)[name] = field.value;
					const depth = path.length - (Array.isArray(result) ? 1 : 0);
					if (depth === 0 || (FLAT_FAMILIES.has(op.result.family) && !path.some((part) => typeof part === 'number'))) {
						topLevel.add(name);
					}
				});
				const keep = (expected: Expected) => {
					const added = /\.(new_[a-z]+_\d+)/.exec(expected.path)?.[1];
					return added === undefined || topLevel.has(added);
				};
				expect(await problems(op, type, result, keep)).toEqual([]);
			}),
			{ seed: 20261130, numRuns: EXTRA_FIELD_RUNS },
		);
	});
});
