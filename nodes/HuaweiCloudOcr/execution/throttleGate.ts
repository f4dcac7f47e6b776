import { cappedRetryAfterMs, throttlePauseMs } from './backoff';
import { systemClock, type RetryClock } from './clock';

const RATE_WINDOW_MS = 1000;
/** Pace slightly below the rate that was accepted, so jittery arrivals do not refill a full window. */
const PACING_MARGIN = 1.05;
/** After this many seconds' worth of accepted requests without throttling, try one more request per second. */
const PROBE_AFTER_SECONDS = 10;

/**
 * Shared by every worker of one node execution. Each attempt first passes the gate.
 * When a request is throttled the gate closes for everyone (one pause per throttle episode, growing
 * while episodes follow each other without an accepted request), and from then on it spaces attempt
 * starts at the rate the gateway was seen to accept, probing upwards slowly.
 */
export class ThrottleGate {
	private pausedUntil = 0;
	private episodeStartedAt = Number.NEGATIVE_INFINITY;
	private streak = 0;
	private ratePerSecond = 0;
	private nextSlotAt = 0;
	private acceptedSincePacing = 0;
	private recentAcceptedStarts: number[] = [];
	private throttleCount = 0;
	private pauseCount = 0;
	private lastPauseMs = 0;

	constructor(readonly clock: RetryClock = systemClock) {}

	/** Waits until this worker may start an attempt; returns the attempt's start time. */
	async beforeAttempt(): Promise<number> {
		for (;;) {
			const now = this.clock.now();
			const startAt = Math.max(now, this.pausedUntil, this.nextSlotAt);
			if (startAt <= now) {
				if (this.ratePerSecond > 0) this.nextSlotAt = now + (RATE_WINDOW_MS * PACING_MARGIN) / this.ratePerSecond;
				return now;
			}
			await this.clock.sleep(startAt - now);
		}
	}

	/** The attempt started at `startedAt` reached the service and was not throttled. */
	onAccepted(startedAt: number): void {
		this.recentAcceptedStarts.push(startedAt);
		if (this.recentAcceptedStarts.length > 256) this.acceptedWithin(this.clock.now());
		if (startedAt > this.episodeStartedAt) this.streak = 0;
		if (this.ratePerSecond > 0 && ++this.acceptedSincePacing >= this.ratePerSecond * PROBE_AFTER_SECONDS) {
			this.ratePerSecond += 1;
			this.acceptedSincePacing = 0;
		}
	}

	/** The attempt started at `startedAt` was throttled (APIG.0308, HTTP 429, ModelArts.4401). */
	onThrottled(startedAt: number, retryAfterMs?: number): void {
		this.throttleCount++;
		const now = this.clock.now();
		if (startedAt <= this.episodeStartedAt) {
			// Sent before the current pause began (nothing starts at that instant, the gate is closed then): part of the same burst, already answered by that pause.
			const pauseMs = cappedRetryAfterMs(retryAfterMs);
			if (pauseMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + pauseMs);
			return;
		}
		this.pauseCount++;
		this.streak++;
		this.episodeStartedAt = now;
		this.lastPauseMs = throttlePauseMs(this.streak, () => this.clock.random(), retryAfterMs);
		this.pausedUntil = Math.max(this.pausedUntil, now + this.lastPauseMs);
		this.ratePerSecond = Math.max(1, this.acceptedWithin(now));
		this.acceptedSincePacing = 0;
	}

	/** Counters for diagnostics and benchmarks. */
	stats(): { throttled: number; pauses: number; lastPauseMs: number; ratePerSecond: number } {
		return {
			throttled: this.throttleCount,
			pauses: this.pauseCount,
			lastPauseMs: this.lastPauseMs,
			ratePerSecond: this.ratePerSecond,
		};
	}

	private acceptedWithin(now: number): number {
		const since = now - RATE_WINDOW_MS;
		this.recentAcceptedStarts = this.recentAcceptedStarts.filter((startedAt) => startedAt >= since);
		return this.recentAcceptedStarts.length;
	}
}
