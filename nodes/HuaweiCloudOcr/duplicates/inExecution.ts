/**
 * Identical files within one execution: the first item whose fingerprint comes up starts the work,
 * every later copy waits for the same promise instead of calling again.
 */
export interface SharedRead<T> {
	work: Promise<T>;
	/** The item whose read the copy reuses; undefined for the item that reads. */
	duplicateOf?: number;
}

export class DuplicateReads<T> {
	private readonly reads = new Map<string, { itemIndex: number; work: Promise<T> }>();

	share(fingerprint: string, itemIndex: number, start: () => Promise<T>): SharedRead<T> {
		const earlier = this.reads.get(fingerprint);
		if (earlier) return { work: earlier.work, duplicateOf: earlier.itemIndex };
		const work = start();
		this.reads.set(fingerprint, { itemIndex, work });
		return { work };
	}
}
