/**
 * The emulator in its own process, driven over the IPC channel, so that the Huawei side of a
 * benchmark does not share the node's event loop (the real service is not inside n8n either).
 */
import process from '../test/nodejs/process.cjs';
import { setImmediate } from '../test/nodejs/timers.cjs';

import { type Emulator, startEmulator } from '../test/emulator';
import type { EmulatorOptions, FaultSettings } from '../test/emulator/types';

export type EmulatorCommand =
	| { id: number; command: 'start'; options: EmulatorOptions }
	| { id: number; command: 'setFaults'; faults: FaultSettings }
	| { id: number; command: 'clearLog' }
	| { id: number; command: 'summary' }
	| { id: number; command: 'stop' };

/** What the benchmarks need to know about the OCR requests the emulator saw. */
export interface EmulatorSummary {
	ocrRequests: Array<{ receivedAt: number; status?: number; errorCode?: string; fault?: string }>;
	faults: Record<string, number>;
}

let emulator: Emulator | undefined;

async function handle(message: EmulatorCommand): Promise<unknown> {
	switch (message.command) {
		case 'start':
			emulator = await startEmulator(message.options);
			return { url: emulator.url };
		case 'setFaults':
			emulator!.setFaults(message.faults);
			return {};
		case 'clearLog':
			emulator!.clearLog();
			return {};
		case 'summary': {
			const summary: EmulatorSummary = {
				ocrRequests: emulator!.requests
					.filter((request) => request.service === 'ocr')
					.map(({ receivedAt, status, errorCode, fault }) => ({ receivedAt, status, errorCode, fault })),
				faults: { ...emulator!.stats.faults } as Record<string, number>,
			};
			return summary;
		}
		case 'stop':
			await emulator?.stop();
			setImmediate(() => process.exit(0));
			return {};
	}
}

process.on('message', (message: EmulatorCommand) => {
	handle(message).then(
		(result) => process.send!({ id: message.id, result }),
		(error: unknown) => process.send!({ id: message.id, error: String((error as Error)?.message ?? error) }),
	);
});
