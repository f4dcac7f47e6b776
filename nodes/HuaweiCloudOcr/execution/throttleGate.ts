import { cappedRetryAfterMs, throttlePauseMs } from './backoff';
import { systemClock, type RetryClock } from './clock';

const RATE_WINDOW_MS = 1000;
/** Pace slightly below the rate that was accepted, so jittery arrivals do not refill a full window. */
const PACING_MARGIN = 1.05;
const PACED_WINDOW_MS = RATE_WINDOW_MS * PACING_MARGIN;
/**
 * A throttle while already paced lowers the rate to at most this share of it: the second counted then
 * may hold a pause, or answers a busy process has not read yet, and would make the rate collapse.
 */
const PACED_DECREASE = 0.8;
/**
 * Starts are spaced wider by the gate's recent wake-up lateness (the largest of its last 16, at most
 * 250 ms): requests of a busy process leave that much out of step, and the gateway counts arrivals.
 */
const LATENESS_SAMPLES = 16;
const MAX_LATENESS_MARGIN_MS = 250;
/**
 * After this many seconds' worth of accepted requests without throttling, try one more request per
 * second: soon after a throttle (a busy process may have counted too few), then less often each time
 * a probe is refused.
 */
const PROBE_AFTER_SECONDS = { first: 2, max: 10 } as const;
/** A ramping gate raises its rate by this much per accepted request while attempts wait for it. */
const RAMP_STEP_PER_ACCEPTED = 2;
/** A ramping gate lets this many attempts a second start at once, on top of its rate (one execution's batch is not held back). */
const RAMP_FREE_STARTS = 5;
/** Above this rate a ramping gate stops pacing, as if it had never been throttled. */
const RAMP_CEILING_PER_SECOND = 512;

export interface ThrottleGateOptions {
	/**
	 * While several executions share the gate (their first burst could be far above the account's
	 * limit), let 5 attempts a second start at once and pace the others from this rate, raised with
	 * every accepted request while attempts wait, until the first throttle. Used by one execution
	 * only, or without this option, the gate starts unpaced and learns the rate from the first throttle.
	 */
	rampFromPerSecond?: number;
}

/**
 * Shared by every worker of one node execution, or (from the account registry) by every execution
 * of the process that calls one account and API. Each attempt first passes the gate.
 * When a request is throttled the gate closes for everyone (one pause per throttle episode, growing
 * while episodes follow each other without an accepted request), and from then on it spaces attempt
 * starts at the rate the gateway was seen to accept, probing upwards slowly.
 */
export class ThrottleGate {
	private pausedUntil = 0;
	private episodeStartedAt = Number.NEGATIVE_INFINITY;
	/** When the request that opened the current episode was started. */
	private refusedStartedAt = Number.NEGATIVE_INFINITY;
	private streak = 0;
	private ratePerSecond = 0;
	private nextSlotAt = 0;
	private acceptedSincePacing = 0;
	private recentAcceptedStarts: number[] = [];
	/** How late the last wake-ups came (ms). */
	private wakeLateness: number[] = [];
	/** Starts of a paced, no longer ramping gate within the last window and its margin. */
	private pacedStarts: number[] = [];
	private throttleCount = 0;
	private pauseCount = 0;
	private lastPauseMs = 0;
	/** A configured ceiling (the credential's account limit); 0 = none. */
	private maxRatePerSecond = 0;
	private ramping = false;
	private lastWaitAt = Number.NEGATIVE_INFINITY;
	/** How many executions use the gate now; a ramping gate used by one only does not pace (its Max Concurrent Requests bounds it). */
	private sharedBy = 1;
	/** While ramping: when attempts started within the last second. */
	private rampStarts: number[] = [];
	/** The rate was raised (ramp or probe) since the last throttle: a throttle then means only "one step too far". */
	private raisedRate = false;
	private probeAfterSeconds: number = PROBE_AFTER_SECONDS.first;

	constructor(
		readonly clock: RetryClock = systemClock,
		options: ThrottleGateOptions = {},
	) {
		if (options.rampFromPerSecond && options.rampFromPerSecond > 0) {
			this.ramping = true;
			this.ratePerSecond = options.rampFromPerSecond;
		}
	}

	/** How many executions use this gate at the moment. */
	setSharedBy(executions: number): void {
		this.sharedBy = executions;
	}

	/** Never start more than `perSecond` attempts a second (0 or less: no ceiling). */
	limitRate(perSecond: number): void {
		this.maxRatePerSecond = perSecond > 0 ? perSecond : 0;
	}

	/** Waits until this worker may start an attempt; returns the attempt's start time. */
	async beforeAttempt(): Promise<number> {
		let plannedAt: number | undefined;
		for (;;) {
			const now = this.clock.now();
			if (this.freeRampStart(now)) return now;
			const paced = !this.ramping || this.sharedBy > 1 || this.maxRatePerSecond > 0;
			const startAt = Math.max(now, this.pausedUntil, paced ? Math.max(this.nextSlotAt, this.windowOpensAt()) : now);
			if (startAt <= now) {
				if (this.ramping) this.rampStarts.push(now);
				this.takeSlot(now, plannedAt);
				return now;
			}
			this.lastWaitAt = now;
			plannedAt = startAt;
			await this.clock.sleep(startAt - now);
			this.noteLateness(this.clock.now() - startAt);
		}
	}

	/**
	 * Books the next slot one spacing after this start was due. A start that is late by less than a
	 * slot (a busy event loop ran the gate's timer late) keeps the cadence instead of pushing every
	 * later slot back by its lateness; it catches up at most half a slot, so starts never bunch, and
	 * the paced window (windowOpensAt) still holds them to the rate.
	 */
	private takeSlot(now: number, plannedAt = this.nextSlotAt): void {
		const rate = this.pacedRate();
		if (rate <= 0) return;
		const spacing = (PACED_WINDOW_MS + this.recentLatenessMs()) / rate;
		const lateBy = now - plannedAt;
		const dueAt = lateBy > 0 && lateBy < spacing ? plannedAt : now;
		this.nextSlotAt = Math.max(dueAt + spacing, now + spacing / 2);
		if (this.ramping) return;
		this.pacedStarts.push(now);
		while (this.pacedStarts.length > 0 && this.pacedStarts[0] <= now - PACED_WINDOW_MS) this.pacedStarts.shift();
	}

	/** How late the gate's recent wake-ups were: the jitter a busy event loop adds to when requests leave. */
	private noteLateness(lateMs: number): void {
		this.wakeLateness.push(Math.min(Math.max(0, lateMs), MAX_LATENESS_MARGIN_MS));
		if (this.wakeLateness.length > LATENESS_SAMPLES) this.wakeLateness.shift();
	}

	private recentLatenessMs(): number {
		return this.wakeLateness.length === 0 ? 0 : Math.max(...this.wakeLateness);
	}

	/**
	 * When a paced gate may start again without more than its rate of starts within one window and its
	 * margin: catching up never packs starts closer than steady pacing would.
	 */
	private windowOpensAt(): number {
		const rate = this.pacedRate();
		if (this.ramping || rate <= 0) return 0;
		const perWindow = Math.max(1, Math.floor(rate));
		if (this.pacedStarts.length < perWindow) return 0;
		return this.pacedStarts[this.pacedStarts.length - perWindow] + PACED_WINDOW_MS;
	}

	/** The attempt started at `startedAt` reached the service and was not throttled. */
	onAccepted(startedAt: number): void {
		this.recentAcceptedStarts.push(startedAt);
		if (this.recentAcceptedStarts.length > 256) this.acceptedWithin(this.clock.now());
		if (startedAt > this.episodeStartedAt) this.streak = 0;
		else if (startedAt <= this.refusedStartedAt && this.ratePerSecond > 0) {
			// Accepted before the refused one, but answered after it: the gateway took more than the gate counted at the throttle.
			const counted = this.acceptedBefore(this.refusedStartedAt);
			if (counted > this.ratePerSecond) {
				this.ratePerSecond = counted;
				this.raisedRate = true;
			}
		}
		if (this.ramping) {
			this.rampUp();
			return;
		}
		if (this.ratePerSecond > 0 && ++this.acceptedSincePacing >= this.ratePerSecond * this.probeAfterSeconds) {
			this.ratePerSecond += 1;
			this.acceptedSincePacing = 0;
			this.raisedRate = true;
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
		this.refusedStartedAt = startedAt;
		const firstOfRamp = this.ramping;
		const steppedTooFar = this.raisedRate && this.streak === 1;
		this.raisedRate = false;
		this.ramping = false;
		this.rampStarts = [];
		this.probeAfterSeconds = steppedTooFar ? Math.min(PROBE_AFTER_SECONDS.max, this.probeAfterSeconds * 2) : PROBE_AFTER_SECONDS.first;
		// What the gateway had accepted when it refused this request; counted now as well, for answers of a busy process that came in late.
		const measured = Math.max(this.acceptedBefore(startedAt), this.acceptedWithin(now));
		const floor = this.ratePerSecond > 0 && !firstOfRamp ? Math.floor(this.pacedRate() * PACED_DECREASE) : 0;
		this.ratePerSecond = Math.max(1, measured, floor);
		this.acceptedSincePacing = 0;
		if (steppedTooFar) {
			// A probe one step above what the gateway takes: wait only until the window has room, then pace at the accepted rate.
			this.lastPauseMs = Math.max(cappedRetryAfterMs(retryAfterMs) ?? 0, this.windowDrainsIn(now));
		} else if (firstOfRamp) {
			// The ramp found the limit: one window's pause empties it, no jitter needed (nobody else is out of step).
			this.lastPauseMs = Math.max(cappedRetryAfterMs(retryAfterMs) ?? 0, this.windowDrainsIn(now), RATE_WINDOW_MS);
		} else {
			this.lastPauseMs = throttlePauseMs(this.streak, () => this.clock.random(), retryAfterMs);
		}
		this.pausedUntil = Math.max(this.pausedUntil, now + this.lastPauseMs);
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

	/** The spacing rate in force: the learnt (or ramping) rate under the configured ceiling; 0 = unpaced. */
	private pacedRate(): number {
		if (this.maxRatePerSecond === 0) return this.ratePerSecond;
		return this.ratePerSecond > 0 ? Math.min(this.ratePerSecond, this.maxRatePerSecond) : this.maxRatePerSecond;
	}

	/** While ramping: a higher rate only while the current one holds callers back (one waited within the last second). */
	private rampUp(): void {
		if (this.lastWaitAt < this.clock.now() - RATE_WINDOW_MS) return;
		this.ratePerSecond += RAMP_STEP_PER_ACCEPTED;
		if (this.ratePerSecond > RAMP_CEILING_PER_SECOND) {
			this.ramping = false;
			this.rampStarts = [];
			this.ratePerSecond = 0;
		}
	}

	/** While ramping, the first few attempts of every second start at once (unless paused or under a configured ceiling). */
	private freeRampStart(now: number): boolean {
		if (!this.ramping || this.maxRatePerSecond > 0 || this.pausedUntil > now) return false;
		this.rampStarts = this.rampStarts.filter((startedAt) => startedAt > now - RATE_WINDOW_MS);
		if (this.rampStarts.length >= RAMP_FREE_STARTS) return false;
		this.rampStarts.push(now);
		this.nextSlotAt = Math.max(this.nextSlotAt, now + PACED_WINDOW_MS / this.ratePerSecond);
		return true;
	}

	/** How long until the oldest request accepted within the last second leaves the window. */
	private windowDrainsIn(now: number): number {
		const oldest = this.recentAcceptedStarts.find((startedAt) => startedAt >= now - RATE_WINDOW_MS);
		return oldest === undefined ? 0 : Math.max(0, oldest + RATE_WINDOW_MS - now);
	}

	private acceptedBefore(startedAt: number): number {
		return this.recentAcceptedStarts.filter((acceptedAt) => acceptedAt > startedAt - RATE_WINDOW_MS && acceptedAt <= startedAt).length;
	}

	private acceptedWithin(now: number): number {
		const since = now - RATE_WINDOW_MS;
		this.recentAcceptedStarts = this.recentAcceptedStarts.filter((startedAt) => startedAt >= since);
		return this.recentAcceptedStarts.length;
	}
}
