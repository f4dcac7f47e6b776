import { type Emulator, type EmulatorOptions, startEmulator } from '../emulator';

/**
 * One emulator per test file: started before the tests, stopped after them, with its request log
 * faults and per-test answers cleared before each test. Returns a getter because the emulator starts asynchronously.
 */
export function useEmulator(options?: EmulatorOptions): () => Emulator {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startEmulator(options);
	});
	afterAll(async () => await emulator?.stop());
	beforeEach(() => {
		emulator?.clearLog();
		emulator?.resetFaults();
		emulator?.clearAnswers();
	});
	return () => {
		if (!emulator) throw new Error('The emulator is only available inside tests');
		return emulator;
	};
}
