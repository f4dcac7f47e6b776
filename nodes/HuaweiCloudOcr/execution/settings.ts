import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ParameterValueError, readBoolean, readNumber } from '../catalog/values';

/** How the node runs its items: the pool size, the retry policy and the per-attempt timeout. */
export interface ExecutionSettings {
	/** How many requests may be in flight at once (1–50). */
	maxConcurrency: number;
	/** Whether throttled and transiently failed attempts are retried. */
	retryTransient: boolean;
	/** Total attempts per item, the first one included (1–10); 1 when retries are off. */
	maxAttempts: number;
	/** Per-attempt HTTP timeout. */
	timeoutMs: number;
}

export const EXECUTION_LIMITS = {
	maxConcurrency: { min: 1, max: 50, default: 5 },
	maxAttempts: { min: 1, max: 10, default: 4 },
	timeoutSeconds: { min: 1, max: 600, default: 60 },
} as const;

export const DEFAULT_EXECUTION_SETTINGS: ExecutionSettings = {
	maxConcurrency: EXECUTION_LIMITS.maxConcurrency.default,
	retryTransient: true,
	maxAttempts: EXECUTION_LIMITS.maxAttempts.default,
	timeoutMs: EXECUTION_LIMITS.timeoutSeconds.default * 1000,
};

function clampInteger(label: string, value: unknown, limits: { min: number; max: number; default: number }): number {
	const numeric = readNumber(label, value, limits.default, { accepts: 'a number', isValid: () => true, example: limits.default });
	return Math.min(limits.max, Math.max(limits.min, Math.round(numeric)));
}

/**
 * Normalises raw option values (from the UI, an expression or JSON) into safe settings. Numbers out
 * of range are clamped to it; values of the wrong type throw a ParameterValueError naming the option.
 */
export function normaliseExecutionSettings(raw: {
	maxConcurrency?: unknown;
	retryTransient?: unknown;
	maxAttempts?: unknown;
	timeoutSeconds?: unknown;
}): ExecutionSettings {
	const retryTransient = readBoolean('Retry On Throttling and Transient Failures', raw.retryTransient, true);
	return {
		maxConcurrency: clampInteger('Max Concurrent Requests', raw.maxConcurrency, EXECUTION_LIMITS.maxConcurrency),
		retryTransient,
		maxAttempts: retryTransient ? clampInteger('Max Attempts', raw.maxAttempts, EXECUTION_LIMITS.maxAttempts) : 1,
		timeoutMs: clampInteger('Timeout (Seconds)', raw.timeoutSeconds, EXECUTION_LIMITS.timeoutSeconds) * 1000,
	};
}

/**
 * Reads the execution options from the node's `options` collection (pool-wide settings come from item 0).
 * A value of the wrong type is a NodeOperationError for that item.
 */
export function readExecutionSettings(ctx: IExecuteFunctions, itemIndex = 0): ExecutionSettings {
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	try {
		return normaliseExecutionSettings({
			maxConcurrency: options.maxConcurrency,
			retryTransient: options.retryTransient,
			maxAttempts: options.maxAttempts,
			timeoutSeconds: options.timeoutSeconds,
		});
	} catch (error) {
		if (!(error instanceof ParameterValueError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		throw new NodeOperationError(ctx.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.description,
		});
	}
}
