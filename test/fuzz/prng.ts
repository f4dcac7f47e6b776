/** A small deterministic PRNG (mulberry32) so that every fuzz case can be rebuilt from its seed alone. */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A uniform 32-bit unsigned integer. */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** An integer in [0, bound). */
	below(bound: number): number {
		return bound <= 0 ? 0 : Math.floor((this.next() / 0x100000000) * bound);
	}

	/** An integer in [low, high]. */
	between(low: number, high: number): number {
		return low + this.below(high - low + 1);
	}

	chance(probability: number): boolean {
		return this.next() / 0x100000000 < probability;
	}

	pick<T>(values: readonly T[]): T {
		return values[this.below(values.length)];
	}

	/** A length that is usually small and sometimes large (log-uniform up to `max`). */
	length(max: number): number {
		if (max <= 1) return max;
		return Math.min(max, Math.floor(Math.exp((this.next() / 0x100000000) * Math.log(max + 1))));
	}
}

/** The seed of case `index` of a campaign with seed `campaignSeed` (a splitmix32-style hash of both). */
export function caseSeed(campaignSeed: number, index: number): number {
	let z = (Math.imul(campaignSeed >>> 0, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
	z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
	z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
	return (z ^ (z >>> 15)) >>> 0;
}
