/**
 * Account-wide pacing: one throttle gate and one in-flight budget per Huawei account (access key or
 * IAM user), region, endpoint and API, shared by every execution and every OCR node of this n8n
 * process (in queue mode, of this worker). Keys are hashes, so no key ID stays in memory in clear;
 * the registry is bounded and forgets accounts that have been idle for a while.
 */
import { createHash } from 'crypto';

import { systemClock, type RetryClock } from './clock';
import { CallSlots, type RequestSlots, slotsWithin } from './slots';
import { ThrottleGate } from './throttleGate';

/** The credential's optional account limits; 0 means none. */
export interface AccountLimits {
	maxRequestsPerSecond: number;
	maxConcurrency: number;
}

export const NO_ACCOUNT_LIMITS: AccountLimits = { maxRequestsPerSecond: 0, maxConcurrency: 0 };

/** A fresh shared gate starts paced at this rate and raises it while the gateway accepts it (see ThrottleGate). */
export const ACCOUNT_RAMP_FROM_PER_SECOND = 12;

export const ACCOUNT_REGISTRY_BOUNDS = {
	/** Accounts tracked at once; beyond it the least recently used idle one is forgotten. */
	maxAccounts: 256,
	/** An account nobody used for this long starts afresh. */
	idleMs: 15 * 60 * 1000,
} as const;

interface AccountEntry {
	gate: ThrottleGate;
	/** Only when the credential sets an account concurrency limit. */
	slots?: CallSlots;
	leases: number;
	lastUsedAt: number;
}

export interface AccountLease {
	gate: ThrottleGate;
	slots?: CallSlots;
	release(): void;
}

export class AccountPacingRegistry {
	private readonly entries = new Map<string, AccountEntry>();

	constructor(
		private readonly clock: RetryClock = systemClock,
		private readonly bounds: { maxAccounts: number; idleMs: number } = ACCOUNT_REGISTRY_BOUNDS,
	) {}

	/** The account's shared pacing for one execution's calls; `release` when they are done. */
	lease(key: string, limits: AccountLimits): AccountLease {
		const now = this.clock.now();
		let entry = this.entries.get(key);
		if (entry && entry.leases === 0 && now - entry.lastUsedAt > this.bounds.idleMs) entry = undefined;
		if (!entry) entry = this.add(key, now);
		else {
			// Most recently used last, so the first idle entry is the one to forget.
			this.entries.delete(key);
			this.entries.set(key, entry);
		}
		applyLimits(entry, limits);
		entry.leases++;
		entry.gate.setSharedBy(entry.leases);
		entry.lastUsedAt = now;
		const held = entry;
		let released = false;
		return {
			gate: held.gate,
			slots: held.slots,
			release: () => {
				if (released) return;
				released = true;
				held.leases--;
				held.gate.setSharedBy(held.leases);
				held.lastUsedAt = this.clock.now();
			},
		};
	}

	/** How many accounts are tracked (for tests and diagnostics). */
	get size(): number {
		return this.entries.size;
	}

	/** For tests and benchmarks: forget every account. */
	clear(): void {
		this.entries.clear();
	}

	private add(key: string, now: number): AccountEntry {
		const entry: AccountEntry = {
			gate: new ThrottleGate(this.clock, { rampFromPerSecond: ACCOUNT_RAMP_FROM_PER_SECOND }),
			leases: 0,
			lastUsedAt: now,
		};
		this.entries.delete(key);
		this.makeRoom(now);
		// With every tracked account busy, this one is paced on its own rather than growing the map.
		if (this.entries.size < this.bounds.maxAccounts) this.entries.set(key, entry);
		return entry;
	}

	private makeRoom(now: number): void {
		for (const [key, entry] of this.entries) {
			if (entry.leases === 0 && now - entry.lastUsedAt > this.bounds.idleMs) this.entries.delete(key);
		}
		for (const [key, entry] of this.entries) {
			if (this.entries.size < this.bounds.maxAccounts) return;
			if (entry.leases === 0) this.entries.delete(key);
		}
	}
}

function applyLimits(entry: AccountEntry, limits: AccountLimits): void {
	entry.gate.limitRate(limits.maxRequestsPerSecond);
	if (limits.maxConcurrency > 0) {
		if (entry.slots) entry.slots.resize(limits.maxConcurrency);
		else entry.slots = new CallSlots(limits.maxConcurrency);
	} else if (entry.slots?.idle()) {
		entry.slots = undefined;
	}
}

/** Who calls and where: a hash, so the registry keeps no key ID or user name in clear. */
export function accountKey(parts: { identity: string; region: string; url: string }): string {
	return createHash('sha256').update([parts.identity, parts.region, parts.url].join('\u0000')).digest('hex');
}

/** The process-wide registry every execution shares. */
export const accountPacing = new AccountPacingRegistry();

export type PacingScope = 'account' | 'execution';

let pacingScope: PacingScope = 'account';

/**
 * For benchmarks and tests: 'execution' gives every execution its own gate and no account budget,
 * as before account-wide pacing, to compare the two.
 */
export function setPacingScope(scope: PacingScope): void {
	pacingScope = scope;
}

export interface CallPacing {
	gate: ThrottleGate;
	slots: RequestSlots;
	release(): void;
}

/**
 * How one execution paces its calls. Its own slots (the node's Max Concurrent Requests) bound the
 * execution; the account's gate and budget are shared with every other execution in the same n8n
 * process (per worker in queue mode).
 */
export class ExecutionPacing {
	/** Per-execution pacing only: the execution's own gate. */
	private ownGate?: ThrottleGate;
	/** One registry lease per account while this execution has calls for it, so the registry counts executions. */
	private readonly held = new Map<string, { lease: AccountLease; users: number }>();

	constructor(
		private readonly slots: CallSlots,
		private readonly limits: AccountLimits = NO_ACCOUNT_LIMITS,
		private readonly registry: AccountPacingRegistry = accountPacing,
		private readonly scope: PacingScope = pacingScope,
	) {}

	/** Pacing for the calls to one API of one account, region and endpoint. */
	forTarget(target: { identity: string; region: string; url: string }): CallPacing {
		if (this.scope === 'execution') {
			if (!this.ownGate) {
				this.ownGate = new ThrottleGate();
				this.ownGate.limitRate(this.limits.maxRequestsPerSecond);
			}
			return { gate: this.ownGate, slots: this.slots, release: () => undefined };
		}
		const key = accountKey(target);
		let held = this.held.get(key);
		if (!held) {
			held = { lease: this.registry.lease(key, this.limits), users: 0 };
			this.held.set(key, held);
		}
		held.users++;
		const { lease } = held;
		let released = false;
		const release = () => {
			if (released) return;
			released = true;
			if (--held.users > 0) return;
			this.held.delete(key);
			lease.release();
		};
		return { gate: lease.gate, slots: slotsWithin(this.slots, lease.slots), release };
	}
}
