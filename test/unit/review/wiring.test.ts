/**
 * Check Results' wiring outside the engine: the catalog marks agree with what the checks read, the
 * outputs expression gives the versions their outputs, today is taken in the workflow's timezone,
 * and normalized values land beside the fields they were read from.
 */
import type { INode, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { fieldsForChecks } from '../../../nodes/HuaweiCloudOcr/catalog/requestBody';
import { huaweiSignalOptions } from '../../../nodes/HuaweiCloudOcr/checks';
import { HuaweiCloudOcr } from '../../../nodes/HuaweiCloudOcr/HuaweiCloudOcr.node';
import { annotateItems, routeItems, todayIn } from '../../../nodes/HuaweiCloudOcr/review';
import { PASSPORT, VAT_INVOICE, VIN } from '../../emulator/documents';

const SETTINGS = { checkResults: true, minConfidence: 0.8, addNormalized: true, today: '2026-11-30' };

describe('the catalog and the checks agree', () => {
	it.each(OPERATIONS.map((operation) => [operation.id, operation] as const))(
		'%s: the options marked as check inputs are exactly those whose answers the checks read',
		(_id, operation) => {
			const marked = operation.options.filter((option) => option.checkInput !== undefined).map((option) => option.field);
			expect(marked.sort()).toEqual([...huaweiSignalOptions(operation.id)].sort());
		},
	);

	it('requests confidence automatically only where a check reads it; alarms never automatically', () => {
		const requested = OPERATIONS.filter((operation) => Object.keys(fieldsForChecks(operation)).length > 0);
		expect(requested.map((operation) => [operation.id, fieldsForChecks(operation)])).toEqual([
			['myanmar-id-card', { return_confidence: true }],
			['mvs-invoice', { return_confidence: true }],
		]);
	});
});

describe('outputs', () => {
	const node = new HuaweiCloudOcr();
	const description = node.description as INodeTypeDescription;

	function outputsOf(typeVersion: number, parameters: Record<string, unknown> = {}) {
		const ocrNode: INode = {
			id: 'ocr',
			name: 'OCR',
			type: 'huaweiCloudOcr',
			typeVersion,
			position: [0, 0],
			parameters: { resource: 'identityDocument', operation: 'passport', ...parameters } as INode['parameters'],
		};
		const nodeTypes = {
			getByName: () => node,
			getByNameAndVersion: () => node,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [ocrNode], connections: {}, active: false, nodeTypes });
		return NodeHelpers.getNodeOutputs(workflow, workflow.getNode('OCR')!, description).map((output) =>
			typeof output === 'string' ? output : output.displayName ?? output.type,
		);
	}

	it('new nodes (version 1.1) get Main and Needs Review', () => {
		expect(description.defaultVersion).toBe(1.1);
		expect(outputsOf(1.1)).toEqual(['Main', 'Needs Review']);
	});

	it('workflows saved with version 1 keep their one output', () => {
		expect(outputsOf(1)).toEqual(['main']);
	});

	it('the switch turns the second output on or off in either version', () => {
		expect(outputsOf(1.1, { reviewOutput: false })).toEqual(['main']);
		expect(outputsOf(1, { reviewOutput: true })).toEqual(['Main', 'Needs Review']);
	});

	it('routes items with a failed check to Needs Review, keeping their order', () => {
		const item = (failed: string[]) => ({ json: { checks: { passed: [], failed, skipped: [] } } });
		const errorItem = { json: { error: { message: 'bad file' } } };
		const [main, review] = routeItems([item([]), item(['luhn.cardNumber']), errorItem, item(['confidence'])], true);
		expect(main).toEqual([item([]), errorItem]);
		expect(review).toEqual([item(['luhn.cardNumber']), item(['confidence'])]);
		expect(routeItems([item(['confidence'])], false)).toEqual([[item(['confidence'])]]);
	});
});

describe("today in the workflow's timezone", () => {
	const instant = new Date('2026-03-01T20:30:00Z');

	it('is already the next day in Shanghai and still the same day in New York', () => {
		expect(todayIn('Asia/Shanghai', instant)).toBe('2026-03-02');
		expect(todayIn('America/New_York', instant)).toBe('2026-03-01');
	});

	it('falls back to UTC for a timezone luxon does not know', () => {
		expect(todayIn('Mars/Olympus_Mons', instant)).toBe('2026-03-01');
	});

	it('decides whether a passport expiring that day has expired', () => {
		const expiresToday = { ...PASSPORT.good, date_of_expiry: '2026-03-01' };
		const run = (today: string) =>
			annotateItems('passport', expiresToday, [{ json: {} }], { ...SETTINGS, today }, true)[0].json.checks;
		expect(run(todayIn('America/New_York', instant))).toMatchObject({ failed: [] });
		expect(run(todayIn('Asia/Shanghai', instant))).toMatchObject({ failed: ['expiry.dateOfExpiry'] });
	});
});

describe('normalized values', () => {
	it('sit right after the field they were read from; money as a number', () => {
		const simplified = { code: VAT_INVOICE.good.code, issue_date: VAT_INVOICE.good.issue_date, total: '169.50', requestId: 'r' };
		const [item] = annotateItems('vat-invoice', VAT_INVOICE.good, [{ json: simplified }], SETTINGS, true);
		expect(Object.keys(item.json)).toEqual([
			'code',
			'issue_date',
			'issue_date_normalized',
			'total',
			'total_normalized',
			'requestId',
			'checks',
		]);
		expect(item.json).toMatchObject({ issue_date: '2026年03月01日', issue_date_normalized: '2026-03-01', total_normalized: 169.5 });
	});

	it('never overwrite a field Huawei returned', () => {
		const simplified = { total: '169.50', total_normalized: 'from Huawei' };
		const [item] = annotateItems('vat-invoice', VAT_INVOICE.good, [{ json: simplified }], SETTINGS, true);
		expect(item.json.total_normalized).toBe('from Huawei');
	});

	it('leave items alone when Check Results and Add Normalized Values are both off', () => {
		const items = [{ json: { vin: VIN.wrongCheckDigit.vin } }];
		expect(annotateItems('vin', VIN.wrongCheckDigit, items, { ...SETTINGS, checkResults: false, addNormalized: false }, true)).toBe(items);
	});
});
