/** Something a call holds while it runs: a concurrency limit. */
export interface RequestSlots {
	use<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Request slots: every call (each page of each item) takes one, so the pages of one document and
 * the items of the batch share one concurrency limit. Waiters are served in order.
 */
export class CallSlots implements RequestSlots {
	private limit: number;
	private free: number;
	private readonly waiting: Array<() => void> = [];

	constructor(size: number) {
		this.limit = CallSlots.sizeOf(size);
		this.free = this.limit;
	}

	get size(): number {
		return this.limit;
	}

	/** Runs `work` while holding a slot. */
	async use<T>(work: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await work();
		} finally {
			this.release();
		}
	}

	/** Changes the number of slots (a credential's account limit was edited); calls in flight keep theirs. */
	resize(size: number): void {
		const next = CallSlots.sizeOf(size);
		this.free += next - this.limit;
		this.limit = next;
		while (this.free > 0 && this.waiting.length > 0) {
			this.free--;
			this.waiting.shift()!();
		}
	}

	/** Whether no call holds or waits for a slot. */
	idle(): boolean {
		return this.free >= this.limit && this.waiting.length === 0;
	}

	private async acquire(): Promise<void> {
		if (this.free > 0) {
			this.free--;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	private release(): void {
		const next = this.free >= 0 ? this.waiting.shift() : undefined;
		if (next) next();
		else this.free++;
	}

	private static sizeOf(size: number): number {
		return Math.max(1, Math.floor(size) || 1);
	}
}

/** A call holds one of the execution's slots, then one of the account's (when it has a budget). */
export function slotsWithin(own: RequestSlots, account: RequestSlots | undefined): RequestSlots {
	if (!account) return own;
	return { use: async (work) => await own.use(async () => await account.use(work)) };
}
