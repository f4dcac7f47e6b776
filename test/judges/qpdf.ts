/**
 * qpdf, the independent PDF checker and producer of part of the PDF corpus, as its WebAssembly
 * build from npm (@neslinesli93/qpdf-wasm): no system program, so `npm test` needs only Node.
 * Runs in this process, on an in-memory file system of its own.
 */
import createQpdf from '@neslinesli93/qpdf-wasm';

import createPrintingTo from './printsOfModuleCreation.cjs';

interface QpdfModule {
	callMain(args: string[]): number;
	FS: { writeFile(path: string, data: Uint8Array): void; readFile(path: string): Uint8Array; unlink(path: string): void };
}

let loaded: Promise<QpdfModule> | undefined;
let printed: string[] = [];

/** The build prints through console.log/console.error bound when the module is created: route them to `printed`. */
function load(): Promise<QpdfModule> {
	loaded ??= createPrintingTo(
		(line) => printed.push(line),
		() => (createQpdf as unknown as (options: object) => Promise<QpdfModule>)({ noInitialRun: true }),
	);
	return loaded;
}

let fileCounter = 0;

async function run(args: (inPath: string, outPath: string) => string[], input: Buffer): Promise<{ status: number; output: string; result?: Buffer }> {
	const qpdf = await load();
	const inPath = `/in-${fileCounter}.pdf`;
	const outPath = `/out-${fileCounter++}.pdf`;
	qpdf.FS.writeFile(inPath, new Uint8Array(input));
	printed = [];
	let status: number;
	try {
		status = qpdf.callMain(args(inPath, outPath));
	} catch (error) {
		// The build calls exit() on some failures; its ExitStatus carries the code.
		status = (error as { status?: number }).status ?? 2;
	}
	const output = printed.join('\n');
	let result: Buffer | undefined;
	try {
		result = Buffer.from(qpdf.FS.readFile(outPath));
		qpdf.FS.unlink(outPath);
	} catch {
		result = undefined;
	}
	qpdf.FS.unlink(inPath);
	return { status, output, result };
}

/** `qpdf ARGS in out`: the written file; exit code 3 (warnings only) is accepted like the qpdf CLI's users do. */
export async function qpdf(args: string[], input: Buffer): Promise<Buffer> {
	const run_ = await run((inPath, outPath) => [...args, inPath, outPath], input);
	if ((run_.status !== 0 && run_.status !== 3) || !run_.result) throw new Error(`qpdf ${args.join(' ')} failed (exit ${run_.status}): ${run_.output}`);
	return run_.result;
}

/** `qpdf --check`: exit 0 is a clean file; 2 errors, 3 warnings. */
export async function qpdfCheck(bytes: Buffer): Promise<{ status: number; output: string }> {
	const { status, output } = await run((inPath) => ['--check', inPath], bytes);
	return { status, output };
}

export async function qpdfVersion(): Promise<string> {
	return (await run(() => ['--version'], Buffer.alloc(0))).output;
}
