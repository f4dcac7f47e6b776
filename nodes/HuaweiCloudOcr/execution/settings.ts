import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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

function clampInteger(value: unknown, limits: { min: number; max: number; default: number }): number {
	const numeric = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(numeric)) return limits.default;
	return Math.min(limits.max, Math.max(limits.min, Math.round(numeric)));
}

/** Normalises raw option values (from the UI, an expression or JSON) into safe settings. */
export function normaliseExecutionSettings(raw: {
	maxConcurrency?: unknown;
	retryTransient?: unknown;
	maxAttempts?: unknown;
	timeoutSeconds?: unknown;
}): ExecutionSettings {
	const retryTransient = raw.retryTransient === undefined ? true : raw.retryTransient !== false;
	return {
		maxConcurrency: clampInteger(raw.maxConcurrency, EXECUTION_LIMITS.maxConcurrency),
		retryTransient,
		maxAttempts: retryTransient ? clampInteger(raw.maxAttempts, EXECUTION_LIMITS.maxAttempts) : 1,
		timeoutMs: clampInteger(raw.timeoutSeconds, EXECUTION_LIMITS.timeoutSeconds) * 1000,
	};
}

/** Reads the execution options from the node's `options` collection (pool-wide settings come from item 0). */
export function readExecutionSettings(ctx: IExecuteFunctions, itemIndex = 0): ExecutionSettings {
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	return normaliseExecutionSettings({
		maxConcurrency: options.maxConcurrency,
		retryTransient: options.retryTransient,
		maxAttempts: options.maxAttempts,
		timeoutSeconds: options.timeoutSeconds,
	});
}
