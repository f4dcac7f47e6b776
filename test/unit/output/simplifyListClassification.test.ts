import { NO_DETAILS } from '../../../nodes/HuaweiCloudOcr/output/flatten';
import { validateResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { simplifyResult } from '../../../nodes/HuaweiCloudOcr/output/simplify';
import { AUTO_CLASSIFICATION, LICENSE_PLATE, operation, sampleResult } from './helpers';

const documentMode = { ...NO_DETAILS, split: false };
const splitMode = { ...NO_DETAILS, split: true };

const PLATES = [
	{ plate_number: '京A12345', plate_color: 'blue', plate_location: [[1, 1]], confidence: 0.98 },
	{ plate_number: '粤B67890', plate_color: 'green', plate_location: [[2, 2]], confidence: 0.7 },
];

const HOUSEHOLD_REGISTER = operation('household-register', 'Household Register', 'list', { isArray: true });

describe('list family', () => {
	it('lists plates as flat items with their overall confidence and a count', () => {
		expect(simplifyResult(validateResult(LICENSE_PLATE, PLATES, 'r1'), documentMode)).toEqual([
			{
				items: [
					{ plate_number: '京A12345', plate_color: 'blue', confidence: 0.98 },
					{ plate_number: '粤B67890', plate_color: 'green', confidence: 0.7 },
				],
				count: 2,
			},
		]);
	});

	it('emits one item per entry in split mode, and the document item when nothing was found', () => {
		expect(simplifyResult(validateResult(LICENSE_PLATE, PLATES, 'r1'), splitMode)).toEqual([
			{ _index: 1, plate_number: '京A12345', plate_color: 'blue', confidence: 0.98 },
			{ _index: 2, plate_number: '粤B67890', plate_color: 'green', confidence: 0.7 },
		]);
		expect(simplifyResult(validateResult(LICENSE_PLATE, [], 'r1'), splitMode)).toEqual([{ items: [], count: 0 }]);
	});

	it('lifts household register content to the top of each entry', () => {
		const pages = [
			{
				type: 'resident_page',
				location: [[0, 0]],
				content: { name: '王五', type: 'member', birth_date: '1990-01-01' },
				confidence: { name: 0.9 },
			},
		];
		expect(simplifyResult(validateResult(HOUSEHOLD_REGISTER, pages, 'r1'), documentMode)).toEqual([
			{ items: [{ type: 'resident_page', name: '王五', content_type: 'member', birth_date: '1990-01-01' }], count: 1 },
		]);
	});
});

const CLASSIFIED = [
	{
		type: 'vat_invoice',
		content: { number: '001', total: '100.00', confidence: { number: 0.9 } },
		status: { error_code: '', error_msg: '' },
		location: [[0, 0]],
		seal_mark: true,
	},
	{ type: 'train_ticket', content: {}, status: { error_code: 'AIS.0105', error_msg: 'Recognition failed.' } },
];

describe('classification family', () => {
	it('lists detected documents with type, flat fields and status', () => {
		expect(simplifyResult(validateResult(AUTO_CLASSIFICATION, CLASSIFIED, 'r1'), documentMode)).toEqual([
			{
				documents: [
					{ type: 'vat_invoice', fields: { number: '001', total: '100.00' }, status: 'success', sealMark: true },
					{
						type: 'train_ticket',
						fields: {},
						status: 'failed',
						errorCode: 'AIS.0105',
						errorMessage: 'Recognition failed.',
					},
				],
				count: 2,
			},
		]);
	});

	it('emits one item per detected document for routing', () => {
		const items = simplifyResult(validateResult(AUTO_CLASSIFICATION, CLASSIFIED, 'r1'), splitMode);
		expect(items.map((item) => [item._document, item.type, item.status])).toEqual([
			[1, 'vat_invoice', 'success'],
			[2, 'train_ticket', 'failed'],
		]);
	});

	it('reads the auto-classification skeleton', () => {
		const [item] = simplifyResult(
			validateResult(AUTO_CLASSIFICATION, sampleResult('auto-classification.skeleton'), 'r1'),
			documentMode,
		);
		expect(item.count).toBe(1);
		expect((item.documents as Array<{ type: string }>)[0].type).toBe('<string>');
	});

	it('flattens the single auto-id-doc-classification object', () => {
		const autoId = operation('auto-id-doc-classification', 'Auto ID Document Classification', 'classification');
		const result = {
			type: 'passport',
			location: [[0, 0]],
			confidence: 0.97,
			alarm_result: { detect_blur_result: false },
			alarm_confidence: { blur_score: 2 },
		};
		expect(simplifyResult(validateResult(autoId, result, 'r1'), splitMode)).toEqual([
			{
				type: 'passport',
				confidence: 0.97,
				alarm_result_detect_blur_result: false,
				alarm_confidence_blur_score: 2,
			},
		]);
	});
});
