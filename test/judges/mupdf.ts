/**
 * MuPDF (its official WebAssembly build, npm `mupdf`) as the independent judge of our PDFs: it
 * counts pages, renders them and writes real PNG/JPEG encoder output. The build is an ES module
 * with top-level await, which jest's CommonJS runtime can't load, so it runs in a worker thread
 * (plain Node, no program from the system).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

interface Reply {
	id: number;
	result?: unknown;
	error?: string;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function judge(): Worker {
	if (worker) return worker;
	worker = new Worker(join(__dirname, 'mupdfWorker.mjs'));
	// Idle between calls, it must not keep jest's process alive.
	worker.unref();
	worker.on('message', ({ id, result, error }: Reply) => {
		const call = pending.get(id);
		pending.delete(id);
		if (!call) return;
		if (error === undefined) call.resolve(result);
		else call.reject(new Error(`MuPDF: ${error}`));
	});
	worker.on('error', (error) => {
		for (const call of pending.values()) call.reject(error);
		pending.clear();
		worker = undefined;
	});
	return worker;
}

function call<T>(op: string, args: Record<string, unknown>): Promise<T> {
	const id = nextId++;
	const thread = judge();
	return new Promise<T>((resolve, reject) => {
		pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
		if (pending.size === 1) thread.ref();
		thread.postMessage({ id, op, ...args });
	}).finally(() => {
		if (pending.size === 0) thread.unref();
	});
}

/** MuPDF's page count, and whether it had to repair the file (a broken cross-reference) to read it. */
export function mupdfPageCount(pdf: Buffer): Promise<{ pages: number; repaired: boolean }> {
	return call('pageCount', { pdf: new Uint8Array(pdf) });
}

/** The RGB pixels of one page (1-based) at `dpi`: every drawn pixel, for comparing two renderings. */
export async function mupdfRender(pdf: Buffer, page: number, dpi = 24): Promise<{ width: number; height: number; pixels: Buffer }> {
	const { width, height, pixels } = await call<{ width: number; height: number; pixels: Uint8Array }>('render', { pdf: new Uint8Array(pdf), page, dpi });
	return { width, height, pixels: Buffer.from(pixels) };
}

/**
 * One page (1-based) rendered and written by a real encoder: MuPDF's PNG writer, libjpeg (baseline)
 * or mozjpeg (progressive).
 */
export async function mupdfPageImage(pdf: Buffer, page: number, format: 'png' | 'jpeg' | 'progressive', dpi: number): Promise<Buffer> {
	const { bytes } = await call<{ bytes: Uint8Array }>('encode', { pdf: new Uint8Array(pdf), page, dpi, format });
	return Buffer.from(bytes);
}
