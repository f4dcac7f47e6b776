/**
 * Every offered catalog operation, called once through the node in n8n-core's engine against the
 * emulator: the request body as the emulator received it, and the simplified output.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { hostingRegions, OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import { png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';
import { fieldsForChecks } from '../../../nodes/HuaweiCloudOcr/catalog/requestBody';
import { parseSimplifiedItem } from './simplifiedSchemas';

const emulatorOf = useEmulator();

/** OCR calls that carried a document (the credential's one-off, unbilled empty-body probe is not one). */
const ocrCalls = () =>
	emulatorOf().requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);

/** A PNG every operation accepts: within its pixel limits. */
function acceptableImage(operation: OcrOperation): Buffer {
	const side = Math.min(Math.max(operation.pixels.minSide, 120), operation.pixels.maxSide);
	return png(side, side);
}

/** Every boolean option switched away from its default, as the user would in Recognition Options. */
function flippedBooleans(operation: OcrOperation): { parameters: IDataObject; fields: IDataObject } {
	const parameters: IDataObject = {};
	const fields: IDataObject = {};
	for (const option of operation.options) {
		if (option.type !== 'boolean' || option.required || option.topLevel) continue;
		parameters[option.name] = !option.default;
		fields[option.field] = !option.default;
	}
	return { parameters, fields };
}

/**
 * The reference knows no region for the e-waybill API (our catalog guesses cn-north-4 and does not
 * block it); the emulator, on the safe side, hosts it nowhere. The node must still say what to do.
 */
const UNHOSTED_BY_EMULATOR = new Set(['waybill-electronic']);

const fileOperations = OPERATIONS.filter(
	(operation) => operation.fileField !== 'none' && !UNHOSTED_BY_EMULATOR.has(operation.id),
);

it('an operation whose region is unverified reaches the service, and its 404 comes back with a hint', async () => {
	const operation = OPERATIONS.find((candidate) => candidate.id === 'waybill-electronic')!;
	expect(operation.regionsVerified).toBe(false);
	const { error } = await runOcr({
		parameters: { resource: operation.resource, operation: operation.value },
		credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' }),
		items: [await fileItem(acceptableImage(operation), 'scan.png', 'image/png')],
	});
	expect(ocrCalls()).toHaveLength(1);
	expect(error?.message).toContain('(APIG.0101)');
	expect(error?.description).toMatch(/choose a region that hosts it/);
	expect(error?.description).toMatch(/Request ID: [0-9a-f]{32}/);
});

describe.each(fileOperations.map((operation) => [operation.id, operation] as const))(
	'%s',
	(_id, operation) => {
		const region = hostingRegions(operation)[0];

		it('sends the file in its own field (and what Check Results needs) and returns one simplified item', async () => {
			const image = acceptableImage(operation);
			const { items, error } = await runOcr({
				parameters: { resource: operation.resource, operation: operation.value },
				credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region }),
				items: [await fileItem(image, 'scan.png', 'image/png')],
			});

			expect(error).toBeUndefined();
			const calls = ocrCalls();
			expect(calls).toHaveLength(1);
			expect(calls[0].operation).toBe(operation.id);
			expect(calls[0].region).toBe(region);
			expect(calls[0].body).toEqual({ [operation.fileField]: image.toString('base64'), ...fieldsForChecks(operation) });
			expect(calls[0].status).toBe(200);
			expect(items.length).toBeGreaterThanOrEqual(1);
			for (const item of items) {
				expect(item.pairedItem).toEqual({ item: 0 });
				expect(item.json).not.toHaveProperty('error');
				parseSimplifiedItem(operation.result.family, item.json);
			}
		});

		const { parameters, fields } = flippedBooleans(operation);
		if (Object.keys(fields).length === 0) return;

		it('maps every switched option to its request field as a JSON boolean', async () => {
			const { error } = await runOcr({
				parameters: {
					resource: operation.resource,
					operation: operation.value,
					recognitionOptions: parameters as INodeParameters,
				},
				credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region }),
				items: [await fileItem(acceptableImage(operation), 'scan.png', 'image/png')],
			});

			expect(error).toBeUndefined();
			const [call] = ocrCalls();
			expect(call.body).toMatchObject(fields);
			expect(call.status).toBe(200);
		});
	},
);

it('invoice verification sends its fields instead of a file', async () => {
	const operation = OPERATIONS.find((candidate) => candidate.id === 'invoice-verification')!;
	const { items, error } = await runOcr({
		parameters: {
			resource: operation.resource,
			operation: operation.value,
			invoiceCode: '144031900110',
			invoiceNumber: '12345678',
			issueDate: '2024-03-15',
			checkCode: '123456',
		},
		credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' }),
	});

	expect(error).toBeUndefined();
	const [call] = ocrCalls();
	expect(call.operation).toBe('invoice-verification');
	expect(call.body).toEqual({
		code: '144031900110',
		number: '12345678',
		issue_date: '2024-03-15',
		check_code: '123456',
	});
	parseSimplifiedItem('verification', items[0].json);
});
