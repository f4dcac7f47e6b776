/** A small in-process cache whose loads are single-flight: concurrent callers of one key share one load. */
export class SingleFlightCache<T> {
	private readonly values = new Map<string, { value: T; expiresAt: number }>();

	private readonly loads = new Map<string, Promise<T>>();

	get(key: string): T | undefined {
		const entry = this.values.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= Date.now()) {
			this.values.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: string, value: T, ttlMs: number): void {
		this.values.set(key, { value, expiresAt: Date.now() + ttlMs });
	}

	delete(key: string): void {
		this.values.delete(key);
	}

	/** Runs `load` unless a load of this key is already under way, in which case it joins it. */
	async load(key: string, load: () => Promise<T>): Promise<T> {
		const running = this.loads.get(key);
		if (running) return await running;
		const started = load();
		this.loads.set(key, started);
		try {
			return await started;
		} finally {
			this.loads.delete(key);
		}
	}

	clear(): void {
		this.values.clear();
		this.loads.clear();
	}
}
