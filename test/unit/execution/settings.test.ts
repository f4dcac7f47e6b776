import type { IExecuteFunctions } from 'n8n-workflow';

import { executionOptionFields, readExecutionSettings } from '../../../nodes/HuaweiCloudOcr/execution';

function contextWithOptions(options: Record<string, unknown>): IExecuteFunctions {
	return {
		getNode: () => ({ id: 'n1', name: 'Huawei Cloud OCR', type: 'huaweiCloudOcr', typeVersion: 1, position: [0, 0], parameters: {} }),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => (name === 'options' ? options : fallback),
	} as unknown as IExecuteFunctions;
}

describe('readExecutionSettings', () => {
	it('uses the documented defaults when no option is set', () => {
		expect(readExecutionSettings(contextWithOptions({}))).toEqual({
			maxConcurrency: 5,
			retryTransient: true,
			maxAttempts: 4,
			timeoutMs: 60000,
		});
	});

	it('reads the options collection and converts seconds to milliseconds', () => {
		const settings = readExecutionSettings(contextWithOptions({ maxConcurrency: 12, maxAttempts: 6, timeoutSeconds: 2.5 }));
		expect(settings).toEqual({ maxConcurrency: 12, retryTransient: true, maxAttempts: 6, timeoutMs: 3000 });
	});

	it('clamps values an expression may have pushed out of range', () => {
		expect(readExecutionSettings(contextWithOptions({ maxConcurrency: 500, maxAttempts: 0, timeoutSeconds: -3 }))).toEqual({
			maxConcurrency: 50,
			retryTransient: true,
			maxAttempts: 1,
			timeoutMs: 1000,
		});
	});

	it('reads "false" and numeric text as what they spell', () => {
		expect(readExecutionSettings(contextWithOptions({ retryTransient: 'false', maxAttempts: 5 }))).toMatchObject({
			retryTransient: false,
			maxAttempts: 1,
		});
		expect(readExecutionSettings(contextWithOptions({ maxConcurrency: '12', timeoutSeconds: '30' }))).toMatchObject({
			maxConcurrency: 12,
			timeoutMs: 30000,
		});
		expect(readExecutionSettings(contextWithOptions({ timeoutSeconds: null })).timeoutMs).toBe(60000);
	});

	it.each([
		[{ maxConcurrency: '' }, 'Max Concurrent Requests must be a number, not ""'],
		[{ maxConcurrency: 'lots' }, 'Max Concurrent Requests must be a number, not "lots"'],
		[{ timeoutSeconds: '' }, 'Timeout (Seconds) must be a number, not ""'],
		[{ maxAttempts: true }, 'Max Attempts must be a number, not true'],
		[{ retryTransient: 'no' }, 'Retry On Throttling and Transient Failures must be true or false, not "no"'],
	])('refuses %p naming the parameter and the value', (options, message) => {
		expect(() => readExecutionSettings(contextWithOptions(options))).toThrow(message);
	});

	it('makes a single attempt when retries are switched off', () => {
		const settings = readExecutionSettings(contextWithOptions({ retryTransient: false, maxAttempts: 9 }));
		expect(settings.retryTransient).toBe(false);
		expect(settings.maxAttempts).toBe(1);
	});
});

describe('executionOptionFields', () => {
	it('offers the four options, sorted by display name, with their defaults and ranges', () => {
		const fields = executionOptionFields();
		expect(fields.map((field) => [field.displayName, field.name, field.default])).toEqual([
			['Max Attempts', 'maxAttempts', 4],
			['Max Concurrent Requests', 'maxConcurrency', 5],
			['Retry On Throttling and Transient Failures', 'retryTransient', true],
			['Timeout (Seconds)', 'timeoutSeconds', 60],
		]);
		expect(fields.find((field) => field.name === 'maxConcurrency')?.typeOptions).toEqual({ minValue: 1, maxValue: 50 });
		expect(fields.find((field) => field.name === 'retryTransient')?.description).toMatch(/^Whether .*\.$/);
	});
});
