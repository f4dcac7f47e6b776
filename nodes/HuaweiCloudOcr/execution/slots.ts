/**
 * The node's request slots: every call (each page of each item) takes one, so the pages of one
 * document and the items of the batch share one concurrency limit. Waiters are served in order.
 */
export class CallSlots {
	private free: number;
	private readonly waiting: Array<() => void> = [];

	constructor(readonly size: number) {
		this.free = Math.max(1, Math.floor(size) || 1);
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

	private async acquire(): Promise<void> {
		if (this.free > 0) {
			this.free--;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	private release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.free++;
	}
}
