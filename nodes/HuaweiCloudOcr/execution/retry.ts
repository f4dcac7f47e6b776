import type { HuaweiErrorInfo } from '../../HuaweiCloud/types';
import { transientDelayMs } from './backoff';
import { classifyFailure } from './classify';
import type { RetryClock } from './clock';
import type { ExecutionSettings } from './settings';
import type { ThrottleGate } from './throttleGate';

/** The shape of a transport answer (HuaweiResponse); failures carry the parsed error. */
export type AttemptOutcome = { ok: true } | { ok: false; error: HuaweiErrorInfo };

/**
 * Calls `attempt` until it succeeds, fails permanently, or runs out of attempts.
 * Every attempt is a fresh call, so the transport signs it again with a new X-Sdk-Date.
 * Throttling pauses the whole pool through the gate; transient failures back off per item.
 * The answer of the last attempt is returned, with how many attempts were made.
 */
export async function callWithRetries<R extends AttemptOutcome>(
	settings: Pick<ExecutionSettings, 'retryTransient' | 'maxAttempts'>,
	gate: ThrottleGate,
	attempt: (attemptNumber: number) => Promise<R>,
	clock: RetryClock = gate.clock,
): Promise<R & { attempts: number }> {
	const maxAttempts = settings.retryTransient ? Math.max(1, Math.floor(settings.maxAttempts)) : 1;
	for (let attemptNumber = 1; ; attemptNumber++) {
		const startedAt = await gate.beforeAttempt();
		const response = await attempt(attemptNumber);
		if (response.ok) {
			gate.onAccepted(startedAt);
			return { ...response, attempts: attemptNumber };
		}
		const error = (response as { ok: false; error: HuaweiErrorInfo }).error;
		const failure = classifyFailure(error);
		if (failure === 'throttle') gate.onThrottled(startedAt, error.retryAfterMs);
		else if (error.httpStatus !== undefined) gate.onAccepted(startedAt);
		if (failure === 'permanent' || attemptNumber >= maxAttempts) return { ...response, attempts: attemptNumber };
		if (failure === 'transient') await clock.sleep(transientDelayMs(attemptNumber, () => clock.random(), error.retryAfterMs));
	}
}
