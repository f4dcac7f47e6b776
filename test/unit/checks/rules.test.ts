import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import {
	checksFor,
	huaweiSignalOptions,
	normalizedValues,
	runChecks,
} from '../../../nodes/HuaweiCloudOcr/checks';
import { OPERATION_RULES, operationChecks } from '../../../nodes/HuaweiCloudOcr/checks/rules';
import { resultView } from '../../../nodes/HuaweiCloudOcr/checks/resultView';
import { CONTEXT, sdkFieldNames } from './helpers';

const ruleIds = Object.keys(OPERATION_RULES);
const catalogIds = OPERATIONS.map((operation) => operation.id);

describe('per-operation rules', () => {
	it('name only operations the node offers', () => {
		expect(ruleIds.filter((id) => !catalogIds.includes(id))).toEqual([]);
	});

	it.each(ruleIds)('%s: read only fields its SDK result model has', (operationId) => {
		const modelFields = sdkFieldNames(operationId);
		expect(modelFields.size).toBeGreaterThan(0);
		const rules = OPERATION_RULES[operationId];
		const named = [
			...operationChecks(operationId).flatMap((entry) => entry.field.split(', ')),
			...(rules.dates ?? []).map((date) => date.field),
			...(rules.amounts ?? []),
			...(typeof rules.confidence === 'string' ? [rules.confidence] : []),
		];
		const unknown = named.filter(
			(field) => !modelFields.has(field) && ![...modelFields].some((model) => model.endsWith(`_${field}`)),
		);
		expect(unknown).toEqual([]);
	});

	it.each(ruleIds)('%s: expiry and order name date fields the rules know how to read', (operationId) => {
		const rules = OPERATION_RULES[operationId];
		const dates = (rules.dates ?? []).map((date) => date.field);
		for (const field of [...(rules.expiry ?? []), ...Object.values(rules.order ?? {})]) expect(dates).toContain(field);
	});

	it.each(ruleIds)('%s: check names are unique and described', (operationId) => {
		const checks = checksFor(operationId);
		expect(new Set(checks.map((entry) => entry.check)).size).toBe(checks.length);
		for (const entry of checks) {
			expect(entry.check).toMatch(/^(confidence|[a-z]+[A-Za-z]*\.[a-z][A-Za-z0-9]*)$/);
			expect(entry.description.length).toBeGreaterThan(10);
			expect(entry.field).not.toBe('');
		}
	});

	it.each(catalogIds)("%s: reads every Huawei signal its result model carries", (operationId) => {
		const modelFields = [...sdkFieldNames(operationId)];
		const names = checksFor(operationId).map((entry) => entry.check);
		const alarmKinds = new Set(
			modelFields.map((field) => /(?:^|_)detect_([a-z_]+)_result$/.exec(field)?.[1]).filter((kind) => kind !== undefined),
		);
		const camel = (kind: string) => kind.replace(/_([a-z])/g, (_, char: string) => char.toUpperCase());
		expect(names.filter((name) => name.startsWith('huawei.') && !['huawei.verification', 'huawei.idcardType'].includes(name)).sort()).toEqual(
			[...alarmKinds].map((kind) => `huawei.${camel(kind as string)}`).sort(),
		);
		expect(names.includes('huawei.verification')).toBe(modelFields.includes('verification_result'));
		expect(names.includes('huawei.idcardType')).toBe(modelFields.includes('idcard_type'));
		expect(names.includes('mrz.documentNumber')).toBe(modelFields.includes('machine_code3'));
	});

	it('gives operations without rules no checks', () => {
		expect(checksFor('general-text')).toEqual([]);
		expect(checksFor('constructor')).toEqual([]);
		expect(runChecks('no-such-operation', { number: '1' }, CONTEXT)).toEqual({ passed: [], failed: [], skipped: [] });
		expect(normalizedValues('toString', {})).toEqual({});
	});
});

const GARBAGE: unknown[] = [
	null,
	undefined,
	42,
	'text',
	[],
	{},
	[null, 1, 'x'],
	{
		number: 12345,
		birth: null,
		vin: ['x'],
		card_number: {},
		machine_code1: 5,
		machine_code2: '<<<<',
		item_list: 'x',
		total: 'NaN',
		confidence: 'high',
		front: [],
		back: { verification_result: null },
		alarm_result: { detect_copy_result: 'yes' },
		score_info: null,
	},
	{ item_list: [null, 1, { amount: {} }], subtotal_amount: '1', confidence: { a: { b: { c: 'x' } } } },
];

/** A result with every model field set to a string, a number or a boolean, for the checks to stumble over. */
function everyField(operationId: string, value: unknown): Record<string, unknown> {
	return Object.fromEntries([...sdkFieldNames(operationId)].map((field) => [field, value]));
}

describe('checks never throw and report every check exactly once', () => {
	it.each(catalogIds)('%s', (operationId) => {
		const names = checksFor(operationId).map((entry) => entry.check);
		const inputs = [
			...GARBAGE,
			everyField(operationId, ''),
			everyField(operationId, '0'),
			everyField(operationId, 'O<1I<<'),
			everyField(operationId, 7),
			everyField(operationId, true),
		];
		for (const input of inputs) {
			// Each check on its own, without runChecks' safety net, so a crash would show here.
			for (const checkEntry of operationChecks(operationId)) {
				for (const result of Array.isArray(input) ? input : [input]) {
					if (typeof result !== 'object' || result === null || Array.isArray(result)) continue;
					expect(() => checkEntry.run(resultView(result as Record<string, unknown>), CONTEXT)).not.toThrow();
				}
			}
			const outcome = runChecks(operationId, input, CONTEXT);
			const failedNames = [...new Set(outcome.failed.map((reason) => reason.check))];
			expect([...outcome.passed, ...failedNames, ...outcome.skipped].sort()).toEqual([...names].sort());
			expect(() => normalizedValues(operationId, input)).not.toThrow();
		}
	});
});

describe('a check that crashes', () => {
	it('sends the item to a person instead of failing the node or passing unseen', () => {
		const [luhn] = operationChecks('bankcard').filter((entry) => entry.name === 'luhn.cardNumber');
		const spy = jest.spyOn(luhn, 'run').mockImplementation(() => {
			throw new Error('unexpected shape');
		});
		try {
			const outcome = runChecks('bankcard', { card_number: '4111111111111111' }, CONTEXT);
			expect(outcome.failed).toEqual([
				{
					check: 'luhn.cardNumber',
					field: 'card_number',
					message: 'this check could not run (unexpected shape); please look at the result',
				},
			]);
			expect(outcome.passed).not.toContain('luhn.cardNumber');
		} finally {
			spy.mockRestore();
		}
	});
});

describe('huaweiSignalOptions', () => {
	it("lists the PRC ID card's verification and alarm switches", () => {
		expect(huaweiSignalOptions('id-card')).toEqual(
			expect.arrayContaining([
				'return_verification',
				'detect_copy',
				'detect_reproduce',
				'detect_tampering',
				'detect_border_integrity',
				'detect_blocking_within_border',
				'detect_blur',
				'detect_glare',
				'detect_interim',
			]),
		);
	});

	it.each(catalogIds)('%s: names only request options the operation has', (operationId) => {
		const operation = OPERATIONS.find((candidate) => candidate.id === operationId);
		const fields = operation?.options.map((option) => option.field) ?? [];
		for (const option of huaweiSignalOptions(operationId)) expect(fields).toContain(option);
	});

	it('asks for confidence where the checks read it and the operation can return it on request', () => {
		expect(huaweiSignalOptions('myanmar-id-card')).toEqual(expect.arrayContaining(['return_confidence', 'return_idcard_type']));
		expect(huaweiSignalOptions('auto-id-doc-classification')).toContain('alarm');
		expect(huaweiSignalOptions('vehicle-license')).toContain('alarm');
		expect(huaweiSignalOptions('general-text')).toEqual([]);
		expect(huaweiSignalOptions('no-such-operation')).toEqual([]);
	});
});

describe('normalizedValues', () => {
	it('gives identity documents YYYY-MM-DD dates, reading day-first where the document prints so', () => {
		expect(
			normalizedValues('peru-id-card', { birth_date: '04/03/1990', expiry_date: '31 12 2028', issue_date: 'unknown' }),
		).toEqual({ birth_date: '1990-03-04', expiry_date: '2028-12-31' });
		expect(normalizedValues('passport', { date_of_birth: '14 MAR 1990', date_of_expiry: '2030.03.13' })).toEqual({
			date_of_birth: '1990-03-14',
			date_of_expiry: '2030-03-13',
		});
	});

	it('names entries of list results by index', () => {
		expect(
			normalizedValues('household-register', [
				{ content: { birth_date: '1990年3月14日' } },
				{ content: { birth_date: '20000101' } },
			]),
		).toEqual({ '[0].content_birth_date': '1990-03-14', '[1].content_birth_date': '2000-01-01' });
	});

	it('leaves originals untouched', () => {
		const result = { date_of_birth: '14 MAR 1990' };
		normalizedValues('passport', result);
		runChecks('passport', result, CONTEXT);
		expect(result).toEqual({ date_of_birth: '14 MAR 1990' });
	});
});
