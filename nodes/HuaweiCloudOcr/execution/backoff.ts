/** Backoff timings. Throttling starts at 2 s, as Huawei's API Gateway documentation advises for APIG.0308. */
export const BACKOFF = {
	throttleBaseMs: 2000,
	transientBaseMs: 1000,
	capMs: 30000,
} as const;

function exponential(baseMs: number, step: number, capMs: number): number {
	return Math.min(capMs, baseMs * 2 ** Math.max(0, step - 1));
}

/**
 * A server's Retry-After as a pause we are willing to take: at most the backoff cap, whatever the
 * header said (an hour, or a date so far ahead that a timer would overflow). Undefined when unusable.
 */
export function cappedRetryAfterMs(retryAfterMs: number | undefined): number | undefined {
	if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return undefined;
	return Math.min(retryAfterMs, BACKOFF.capMs);
}

function honourRetryAfter(delayMs: number, retryAfterMs: number | undefined): number {
	const capped = cappedRetryAfterMs(retryAfterMs);
	return capped === undefined ? delayMs : Math.max(delayMs, capped);
}

/** Full jitter: uniform in [0, min(cap, base·2^(attempt−1))), for one item's transient failures. */
export function transientDelayMs(failedAttempt: number, random: () => number, retryAfterMs?: number): number {
	const ceiling = exponential(BACKOFF.transientBaseMs, failedAttempt, BACKOFF.capMs);
	return honourRetryAfter(Math.floor(random() * ceiling), retryAfterMs);
}

/**
 * The shared pause after the `streak`-th throttle episode in a row. Jitter covers the upper half only:
 * one pause holds back the whole pool, so there is no herd of retries to spread out, while a pause
 * near zero would send the next request straight into the same full rate window.
 */
export function throttlePauseMs(streak: number, random: () => number, retryAfterMs?: number): number {
	const ceiling = exponential(BACKOFF.throttleBaseMs, streak, BACKOFF.capMs);
	return honourRetryAfter(Math.floor(ceiling / 2 + (random() * ceiling) / 2), retryAfterMs);
}
