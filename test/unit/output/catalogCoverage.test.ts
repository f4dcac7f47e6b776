/**
 * Every offered operation's result, as the emulator builds it from the catalog, passes its family's
 * schema and simplifies in both output modes; the split modes name real operations.
 */
import type { INodeProperties } from 'n8n-workflow';
import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { outputProperties } from '../../../nodes/HuaweiCloudOcr/output/properties';
import { plainTextOf } from '../../../nodes/HuaweiCloudOcr/output/plainText';
import { checkResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { resultTables, simplifyResult } from '../../../nodes/HuaweiCloudOcr/output/simplify';
import { buildResult } from '../../emulator/ocr/responses';
import { OPERATION_SPECS } from '../../emulator/spec/operations';

const EVERY_FIELD = { return_confidence: true, return_text_location: true, table: true, kv: true, form: true };
const NO_DETAILS = { includeConfidence: false, includeLocations: false, includeImages: false };

describe.each(OPERATIONS.map((op) => [op.id, op] as const))('%s', (_id, op) => {
	it('reads the emulated result in document and split modes', () => {
		const spec = OPERATION_SPECS.get(op.id);
		expect(spec).toBeDefined();
		const checked = checkResult(op, buildResult(spec!, EVERY_FIELD).result, 'req');
		if (!checked.ok) throw checked.error;
		const [document] = simplifyResult(checked.value, { ...NO_DETAILS, split: false, neutralizeFormulas: true });
		expect(Object.keys(document).length).toBeGreaterThan(0);
		expect(simplifyResult(checked.value, { ...NO_DETAILS, split: true }).length).toBeGreaterThan(0);
		expect(typeof plainTextOf(checked.value)).toBe('string');
		if (!op.result.hasTables) expect(resultTables(checked.value)).toEqual([]);
	});
});

describe('output properties for the real catalog', () => {
	it('show split modes for existing operations only, table operations first', () => {
		const values = new Set(OPERATIONS.map((op) => op.value));
		const modes = outputProperties().filter((property: INodeProperties) => property.name === 'tableOutput');
		const shown = modes.flatMap((mode) => mode.displayOptions?.show?.operation as string[]);
		for (const value of shown) expect(values.has(value)).toBe(true);
		expect(modes[0].displayOptions?.show?.operation).toEqual(
			expect.arrayContaining(['generalTable', 'smartDocumentRecognizer']),
		);
	});
});
