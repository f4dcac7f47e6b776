import { setImmediate } from '../../nodejs/timers.cjs';

import {
	accountKey,
	AccountPacingRegistry,
	CallSlots,
	ExecutionPacing,
	NO_ACCOUNT_LIMITS,
	ThrottleGate,
} from '../../../nodes/HuaweiCloudOcr/execution';
import { FakeClock } from './fakeClock';

const TARGET = { identity: 'accessKey:AKEXAMPLE', region: 'cn-north-4', url: 'https://ocr.example/v2/p/ocr/general-text' };
const BOUNDS = { maxAccounts: 3, idleMs: 60_000 };

describe('accountKey', () => {
	it('is a hash that keeps no key ID in clear and tells accounts, regions and APIs apart', () => {
		const key = accountKey(TARGET);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toContain('AKEXAMPLE');
		expect(accountKey({ ...TARGET })).toBe(key);
		expect(accountKey({ ...TARGET, identity: 'accessKey:AKOTHER' })).not.toBe(key);
		expect(accountKey({ ...TARGET, region: 'ap-southeast-1' })).not.toBe(key);
		expect(accountKey({ ...TARGET, url: 'https://ocr.example/v2/p/ocr/passport' })).not.toBe(key);
	});
});

describe('AccountPacingRegistry', () => {
	it('hands every execution of one account the same gate, and other accounts their own', () => {
		const registry = new AccountPacingRegistry(new FakeClock(), BOUNDS);
		const first = registry.lease('a', NO_ACCOUNT_LIMITS);
		const second = registry.lease('a', NO_ACCOUNT_LIMITS);
		const other = registry.lease('b', NO_ACCOUNT_LIMITS);
		expect(second.gate).toBe(first.gate);
		expect(other.gate).not.toBe(first.gate);
		expect(first.slots).toBeUndefined();
		expect(registry.size).toBe(2);
	});

	it('forgets an account idle for longer than the idle time, but never one in use', () => {
		const clock = new FakeClock();
		const registry = new AccountPacingRegistry(clock, BOUNDS);
		const busy = registry.lease('busy', NO_ACCOUNT_LIMITS);
		const idle = registry.lease('idle', NO_ACCOUNT_LIMITS);
		idle.release();
		clock.time += BOUNDS.idleMs + 1;
		expect(registry.lease('idle', NO_ACCOUNT_LIMITS).gate).not.toBe(idle.gate);
		expect(registry.lease('busy', NO_ACCOUNT_LIMITS).gate).toBe(busy.gate);
	});

	it('stays within its bound: the idle account leased longest ago makes room', () => {
		const registry = new AccountPacingRegistry(new FakeClock(), BOUNDS);
		const leases = Object.fromEntries(['a', 'b', 'c'].map((key) => [key, registry.lease(key, NO_ACCOUNT_LIMITS)]));
		for (const lease of Object.values(leases)) lease.release();
		registry.lease('a', NO_ACCOUNT_LIMITS).release();
		registry.lease('d', NO_ACCOUNT_LIMITS).release();
		expect(registry.size).toBe(3);
		expect(registry.lease('a', NO_ACCOUNT_LIMITS).gate).toBe(leases.a.gate);
		expect(registry.lease('c', NO_ACCOUNT_LIMITS).gate).toBe(leases.c.gate);
		expect(registry.lease('b', NO_ACCOUNT_LIMITS).gate).not.toBe(leases.b.gate);
		for (let index = 0; index < 100; index++) registry.lease(`extra-${index}`, NO_ACCOUNT_LIMITS).release();
		expect(registry.size).toBe(3);
	});

	it('paces an account on its own, without growing, when every tracked account is busy', () => {
		const registry = new AccountPacingRegistry(new FakeClock(), BOUNDS);
		for (const key of ['a', 'b', 'c']) registry.lease(key, NO_ACCOUNT_LIMITS);
		const overflow = registry.lease('d', NO_ACCOUNT_LIMITS);
		expect(overflow.gate).toBeInstanceOf(ThrottleGate);
		expect(registry.size).toBe(3);
		expect(registry.lease('d', NO_ACCOUNT_LIMITS).gate).not.toBe(overflow.gate);
	});

	it("shares one in-flight budget when the credential sets the account's concurrency, and follows an edited limit", async () => {
		const registry = new AccountPacingRegistry(new FakeClock(), BOUNDS);
		const first = registry.lease('a', { maxRequestsPerSecond: 0, maxConcurrency: 2 });
		const second = registry.lease('a', { maxRequestsPerSecond: 0, maxConcurrency: 3 });
		expect(second.slots).toBe(first.slots);
		expect(first.slots?.size).toBe(3);
		first.release();
		second.release();
		expect(registry.lease('a', NO_ACCOUNT_LIMITS).slots).toBeUndefined();
	});
});

describe('ExecutionPacing', () => {
	function deferred() {
		let resolve!: () => void;
		const promise = new Promise<void>((done) => (resolve = done));
		return { promise, resolve };
	}

	async function peakInFlight(executions: ExecutionPacing[], callsEach: number): Promise<number> {
		let running = 0;
		let peak = 0;
		const release = deferred();
		const calls = executions.flatMap((execution) =>
			Array.from({ length: callsEach }, async () => {
				const pacing = execution.forTarget(TARGET);
				try {
					await pacing.slots.use(async () => {
						peak = Math.max(peak, ++running);
						await release.promise;
						running--;
					});
				} finally {
					pacing.release();
				}
			}),
		);
		await new Promise((resolve) => setImmediate(resolve));
		release.resolve();
		await Promise.all(calls);
		return peak;
	}

	it("bounds every execution by its own Max Concurrent Requests and all of them by the account's", async () => {
		const registry = new AccountPacingRegistry(new FakeClock(), BOUNDS);
		const limits = { maxRequestsPerSecond: 0, maxConcurrency: 4 };
		const executions = [1, 2, 3].map(() => new ExecutionPacing(new CallSlots(2), limits, registry, 'account'));
		expect(await peakInFlight(executions, 3)).toBe(4);
		const alone = new ExecutionPacing(new CallSlots(2), limits, registry, 'account');
		expect(await peakInFlight([alone], 5)).toBe(2);
	});

	it('shares the gate between executions, unless pacing is per execution', () => {
		const registry = new AccountPacingRegistry(new FakeClock(), BOUNDS);
		const [one, two] = [1, 2].map(() => new ExecutionPacing(new CallSlots(5), NO_ACCOUNT_LIMITS, registry, 'account'));
		expect(one.forTarget(TARGET).gate).toBe(two.forTarget(TARGET).gate);
		const [three, four] = [1, 2].map(() => new ExecutionPacing(new CallSlots(5), NO_ACCOUNT_LIMITS, registry, 'execution'));
		expect(three.forTarget(TARGET).gate).not.toBe(four.forTarget(TARGET).gate);
		expect(three.forTarget(TARGET).gate).toBe(three.forTarget({ ...TARGET, region: 'ap-southeast-1' }).gate);
	});

	it('keeps no account budget or shared state with per-execution pacing', async () => {
		const registry = new AccountPacingRegistry(new FakeClock(), BOUNDS);
		const limits = { maxRequestsPerSecond: 0, maxConcurrency: 1 };
		const executions = [1, 2].map(() => new ExecutionPacing(new CallSlots(2), limits, registry, 'execution'));
		expect(await peakInFlight(executions, 2)).toBe(4);
		expect(registry.size).toBe(0);
	});
});
