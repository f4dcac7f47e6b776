/** Starts bench/emulatorProcess.ts as a child process and talks to it. */
import { type ChildProcess, fork } from '../test/nodejs/child_process.cjs';
import { join } from '../test/nodejs/path.cjs';

import type { EmulatorOptions, FaultSettings } from '../test/emulator/types';
import type { EmulatorCommand, EmulatorSummary } from './emulatorProcess';

type Command = EmulatorCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

export class RemoteEmulator {
	private nextId = 1;
	private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

	private constructor(
		private readonly child: ChildProcess,
		public url = '',
	) {
		child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
			const waiter = this.waiting.get(message.id);
			this.waiting.delete(message.id);
			if (message.error !== undefined) waiter?.reject(new Error(message.error));
			else waiter?.resolve(message.result);
		});
		child.on('exit', () => {
			for (const waiter of this.waiting.values()) waiter.reject(new Error('The emulator process exited'));
			this.waiting.clear();
		});
	}

	static async start(options: EmulatorOptions = {}): Promise<RemoteEmulator> {
		const child = fork(join(module.path, 'emulatorProcess.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const emulator = new RemoteEmulator(child);
		const { url } = (await emulator.send({ command: 'start', options: { logBodies: 'omitFiles', ...options } })) as { url: string };
		emulator.url = url;
		return emulator;
	}

	async setFaults(faults: FaultSettings): Promise<void> {
		await this.send({ command: 'setFaults', faults });
	}

	async clearLog(): Promise<void> {
		await this.send({ command: 'clearLog' });
	}

	async summary(): Promise<EmulatorSummary> {
		return (await this.send({ command: 'summary' })) as EmulatorSummary;
	}

	async stop(): Promise<void> {
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		await this.send({ command: 'stop' }).catch(() => undefined);
		await exited;
	}

	private async send(command: Command): Promise<unknown> {
		const id = this.nextId++;
		return await new Promise((resolve, reject) => {
			this.waiting.set(id, { resolve, reject });
			this.child.send({ ...command, id });
		});
	}
}
