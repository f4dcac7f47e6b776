import { setImmediate } from '../../nodejs/timers.cjs';

import type { RetryClock } from '../../../nodes/HuaweiCloudOcr/execution';

interface Timer {
	at: number;
	order: number;
	resolve: () => void;
}

/**
 * Virtual time: `sleep` only resolves when `run` advances the clock to it. `run` settles pending
 * microtasks, then jumps to the earliest timer, until the awaited promise is done.
 */
export class FakeClock implements RetryClock {
	time = 0;
	readonly sleeps: number[] = [];
	private timers: Timer[] = [];
	private order = 0;

	/** `lateBy` says how late each sleep wakes, as a busy event loop runs timers after their time. */
	constructor(
		private readonly randomSource: () => number = () => 0.5,
		private readonly lateBy: () => number = () => 0,
	) {}

	now(): number {
		return this.time;
	}

	random(): number {
		return this.randomSource();
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		await new Promise<void>((resolve) => {
			this.timers.push({ at: this.time + Math.max(0, ms) + this.lateBy(), order: this.order++, resolve });
		});
	}

	async run<T>(promise: Promise<T>): Promise<T> {
		let done = false;
		const settled = promise.finally(() => {
			done = true;
		});
		settled.catch(() => undefined);
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve));
			if (done) return await settled;
			if (this.timers.length === 0) throw new Error('Deadlock: nothing pending and the promise is unsettled');
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const timer = this.timers.shift()!;
			this.time = Math.max(this.time, timer.at);
			timer.resolve();
		}
	}
}

export function sequence(values: number[]): () => number {
	let index = 0;
	return () => values[Math.min(index++, values.length - 1)];
}
