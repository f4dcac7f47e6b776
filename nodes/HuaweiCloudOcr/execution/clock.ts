import { sleep } from 'n8n-workflow';

/** Time and chance, injectable so retry and pause behaviour can be tested without waiting. */
export interface RetryClock {
	now(): number;
	sleep(ms: number): Promise<void>;
	/** A number in [0, 1). */
	random(): number;
}

export const systemClock: RetryClock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
	random: () => Math.random(),
};
