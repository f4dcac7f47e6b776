/**
 * MuPDF (its official WebAssembly build, npm `mupdf`) for the tests and the emulator. The build is
 * an ES module with top-level await, which jest's CommonJS runtime can't load, so it runs in a
 * worker thread (plain Node, no program from the system). One worker per process, started on the
 * first call; it never keeps the process alive while idle.
 */
import { join } from '../nodejs/path.cjs';
import { Worker } from '../nodejs/worker_threads.cjs';

interface Reply {
	id: number;
	result?: unknown;
	error?: string;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function mupdfWorker(): Worker {
	if (worker) return worker;
	const started = new Worker(join(module.path, 'worker.mjs'));
	started.unref();
	started.on('message', ({ id, result, error }: Reply) => {
		const call = pending.get(id);
		pending.delete(id);
		if (pending.size === 0) started.unref();
		if (!call) return;
		if (error === undefined) call.resolve(result);
		else call.reject(new Error(`MuPDF: ${error}`));
	});
	started.on('error', (error) => {
		for (const call of pending.values()) call.reject(error);
		pending.clear();
		worker = undefined;
	});
	worker = started;
	return started;
}

/** Runs one operation of worker.mjs. */
export function callMupdf<T>(op: string, args: Record<string, unknown>): Promise<T> {
	const id = nextId++;
	const thread = mupdfWorker();
	return new Promise<T>((resolve, reject) => {
		pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
		thread.ref();
		thread.postMessage({ id, op, ...args });
	});
}
