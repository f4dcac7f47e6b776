/** Fault switches: configured faults, one-shot faults (failNext), seeded random faults, the QPS window. */
import type { EmulatorStats, FaultKind, FaultMatch, FaultSettings, LatencySetting, LeanAnswers } from './types';

export interface FaultContext {
	service: 'iam' | 'ocr';
	path: string;
	operation?: string;
	region?: string;
}

interface PendingFault {
	kind: FaultKind;
	remaining: number;
	match?: FaultMatch;
}

/** mulberry32: tiny, seedable, good enough to make fault mixes reproducible. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function matches(match: FaultMatch | undefined, ctx: FaultContext): boolean {
	if (!match) return ctx.service === 'ocr';
	if (match.service !== undefined && match.service !== ctx.service) return false;
	if (match.operation !== undefined && match.operation !== ctx.operation) return false;
	if (match.region !== undefined && match.region !== ctx.region) return false;
	if (match.path !== undefined) {
		const ok = typeof match.path === 'string' ? match.path === ctx.path : match.path.test(ctx.path);
		if (!ok) return false;
	}
	// Without service/path a match is about OCR operations.
	return match.service !== undefined || match.path !== undefined || ctx.service === 'ocr';
}

export class FaultController {
	private settings: FaultSettings = {};
	private pending: PendingFault[] = [];
	private random: (() => number) | undefined;
	private latencyRandom = seededRandom(1);
	private leanRandom: (() => number) | undefined;
	private acceptedTimes: number[] = [];

	constructor(
		readonly stats: EmulatorStats,
		private readonly baseLatency: LatencySetting | undefined,
	) {}

	set(settings: FaultSettings): void {
		this.settings = { ...this.settings, ...settings };
		if (settings.randomTransient) this.random = seededRandom(settings.randomTransient.seed);
		if (settings.leanAnswers) this.leanRandom = seededRandom(settings.leanAnswers.seed);
	}

	/** The lean-answer settings and their random source, when lean answers are on. */
	leanAnswers(): { settings: LeanAnswers; random: () => number } | undefined {
		const settings = this.settings.leanAnswers;
		return settings && this.leanRandom ? { settings, random: this.leanRandom } : undefined;
	}

	failNext(kind: FaultKind, count = 1, match?: FaultMatch): void {
		this.pending.push({ kind, remaining: count, match });
	}

	reset(): void {
		this.settings = {};
		this.pending = [];
		this.random = undefined;
		this.leanRandom = undefined;
		this.acceptedTimes = [];
	}

	count(kind: FaultKind): void {
		this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
	}

	/** A one-shot or random fault for this request, if any (consumed when returned). */
	takeInjected(ctx: FaultContext): FaultKind | undefined {
		const index = this.pending.findIndex((fault) => matches(fault.match, ctx));
		if (index >= 0) {
			const fault = this.pending[index];
			fault.remaining -= 1;
			if (fault.remaining <= 0) this.pending.splice(index, 1);
			return fault.kind;
		}
		const mix = this.settings.randomTransient;
		if (mix && this.random && ctx.service === 'ocr' && mix.kinds.length > 0) {
			if (this.random() < mix.rate) return mix.kinds[Math.floor(this.random() * mix.kinds.length)];
		}
		return undefined;
	}

	isNotSubscribed(operation: string, region: string): boolean {
		return (this.settings.notSubscribed ?? []).some(
			(entry) =>
				(entry.operation === undefined || entry.operation === operation) &&
				(entry.region === undefined || entry.region === region),
		);
	}

	obsAgencyMissing(region: string): boolean {
		const regions = this.settings.obsAgencyMissing ?? [];
		return regions.includes('*') || regions.includes(region);
	}

	redirectLocation(): string {
		return this.settings.redirectLocation ?? 'https://redirected.example/elsewhere';
	}

	projectListForbidden(): boolean {
		return this.settings.projectListForbidden === true;
	}

	/** Rolling one-second window over accepted requests; returns the limit when this one is over it. */
	overQpsLimit(now: number): number | undefined {
		const limit = this.settings.qpsLimit;
		if (limit === undefined) return undefined;
		this.acceptedTimes = this.acceptedTimes.filter((time) => now - time < 1000);
		if (this.acceptedTimes.length >= limit) return limit;
		this.acceptedTimes.push(now);
		return undefined;
	}

	latencyMs(): number {
		const setting = this.settings.latencyMs ?? this.baseLatency;
		if (setting === undefined) return 0;
		if (typeof setting === 'number') return setting;
		return setting.min + Math.round(this.latencyRandom() * (setting.max - setting.min));
	}
}
