/**
 * (6) Multi-page PDFs: a 20-page PDF at 300 ms latency and concurrency 5 against the ideal
 * ⌈20/5⌉ × 0.3 s; the CPU time of splitting the pages and merging the answers against the CPU time
 * of the whole run at zero latency; and the peak memory of a 100-page, 60 MB PDF at concurrency 5
 * (in a child process) against 3 × the file size.
 */
import { mkdtempSync, rmSync, writeFileSync } from '../test/nodejs/fs.cjs';
import { tmpdir } from '../test/nodejs/os.cjs';
import { join } from '../test/nodejs/path.cjs';
import process from '../test/nodejs/process.cjs';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { extractPage, openPdf } from '../nodes/HuaweiCloudOcr/document';
import { validateResult } from '../nodes/HuaweiCloudOcr/output';
import { mergePageItems } from '../nodes/HuaweiCloudOcr/output/pages/merge';
import { simplifyDocument } from '../nodes/HuaweiCloudOcr/output/simplify';
import { loadSample } from '../test/emulator/spec/operations';
import { heavyPdf } from '../test/fixtures/pdfDocuments';
import { useBinaryMode } from '../test/harness/engine';
import { fileItem, ocrCredentialsHelper, runOcr } from '../test/harness/ocrNode';
import { benchCredentials, benchEmulator, type BenchmarkReport, MB, OPERATION, round, runMemoryChild } from './common';

const PAGES = 20;
/** A scanned A4 page at 150 dpi as JPEG is typically 100–300 KB. */
const PAGE_BYTES = 150_000;
const LATENCY_MS = 300;
const CONCURRENCY = 5;
const WALL_TARGET = 1.15;
const CPU_TARGET = 0.05;
const BIG_PAGES = 100;
const BIG_PAGE_BYTES = 600_000;
const MEMORY_TARGET = 3;
const WARM_UP_RUNS = 3;
const CPU_RUNS = 5;
const FEATURE_REPEATS = 10;

export interface PdfRun {
	wallMs: number;
	cpuMs: number;
	pageCount: unknown;
	pagesRead: number;
	error?: string;
}

/** The node over one PDF item, All Pages, One Item per Document (concurrency 5 unless given); wall and this process's CPU time. */
export async function runPdf(url: string, items: INodeExecutionData[], maxPages: number, concurrency = CONCURRENCY): Promise<PdfRun> {
	const credentials = benchCredentials({ url });
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const run = await runOcr({
		parameters: {
			resource: OPERATION.resource,
			operation: OPERATION.value,
			pages: 'all',
			options: { maxConcurrency: concurrency, maxPages, timeoutSeconds: 120 },
		},
		credentials,
		credentialsHelper: ocrCredentialsHelper(credentials),
		items,
	});
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const json = run.items[0]?.json ?? {};
	return {
		wallMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		pageCount: json.pageCount,
		pagesRead: (json.pagesRead as number[] | undefined)?.length ?? 0,
		error: run.error?.message,
	};
}

function cpuMsOf(work: () => void): number {
	const before = process.cpuUsage();
	work();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

/**
 * What the page feature adds: opening the PDF, splitting every page, merging the simplified answers.
 * (Base64 and signing are the calls' own cost: a page sent as an image item needs them too.)
 */
function splitAndMerge(pdf: Buffer, answers: unknown[]): IDataObject {
	const document = openPdf(pdf);
	for (let index = 0; index < document.pageCount; index++) extractPage(document, index);
	const pages = answers.map((result, index) => ({
		page: index + 1,
		json: simplifyDocument(validateResult(OPERATION, result, undefined), { includeConfidence: false, includeLocations: false, includeImages: false }) as IDataObject,
	}));
	return mergePageItems(pages);
}

async function memoryChild(pdfPath: string, url: string): Promise<{ fileBytes: number; rssBeforeRun: number; peakRss: number; run: PdfRun }> {
	return await runMemoryChild('pagesMemoryChild.ts', [pdfPath], url);
}

/** The 20-page run at 300 ms latency, after a warm-up run. */
async function wallRun(items: INodeExecutionData[]): Promise<PdfRun> {
	const slow = await benchEmulator({ latencyMs: LATENCY_MS });
	try {
		await runPdf(slow.url, items, PAGES);
		const wall = await runPdf(slow.url, items, PAGES);
		if (wall.error || wall.pagesRead !== PAGES) throw new Error(`20-page run failed: ${wall.error ?? `${wall.pagesRead} pages read`}`);
		return wall;
	} finally {
		await slow.stop();
	}
}

/**
 * Both CPU figures are the least of several rounds after warm-up rounds: the first runs of a process
 * pay for JIT compilation and for memory the process touches for the first time (on a VM each first
 * touch of a page is a costly fault). The feature's work takes about 2 ms, so one collector pause
 * or fault doubles a single sample; each of its rounds is the mean of FEATURE_REPEATS repetitions.
 */
async function cpuRuns(items: INodeExecutionData[], pdf: Buffer): Promise<{ calls: PdfRun[]; featureRuns: number[] }> {
	const fast = await benchEmulator();
	const calls: PdfRun[] = [];
	try {
		for (let run = 0; run < WARM_UP_RUNS + CPU_RUNS; run++) {
			const measured = await runPdf(fast.url, items, PAGES);
			if (run >= WARM_UP_RUNS) calls.push(measured);
		}
	} finally {
		await fast.stop();
	}
	const sample = (loadSample('general-text') as { response_200: { result: unknown } }).response_200.result;
	const answers = Array.from({ length: PAGES }, () => sample);
	const featureRound = () => cpuMsOf(() => Array.from({ length: FEATURE_REPEATS }, () => splitAndMerge(pdf, answers))) / FEATURE_REPEATS;
	const featureRuns = Array.from({ length: WARM_UP_RUNS + CPU_RUNS }, featureRound).slice(WARM_UP_RUNS);
	return { calls, featureRuns };
}

async function memoryRun(): Promise<Awaited<ReturnType<typeof memoryChild>>> {
	const dir = mkdtempSync(join(tmpdir(), 'hw-ocr-pages-'));
	const memoryEmulator = await benchEmulator();
	try {
		const pdfPath = join(dir, 'big.pdf');
		writeFileSync(pdfPath, await heavyPdf(BIG_PAGES, BIG_PAGE_BYTES));
		const memory = await memoryChild(pdfPath, memoryEmulator.url);
		if (memory.run.error || memory.run.pagesRead !== BIG_PAGES) throw new Error(`100-page run failed: ${memory.run.error ?? `${memory.run.pagesRead} pages read`}`);
		return memory;
	} finally {
		await memoryEmulator.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function pagesBenchmark(): Promise<BenchmarkReport> {
	const pdf = await heavyPdf(PAGES, PAGE_BYTES);
	// Stored on disk, as n8n stores binaries by default, and read back by the node (this process
	// runs this benchmark only: bench/runOne.ts).
	await useBinaryMode('filesystem');
	const items = [await fileItem(pdf, 'scan.pdf', 'application/pdf')];
	const wall = await wallRun(items);
	const cpu = await cpuRuns(items, pdf);
	const rows: BenchmarkReport['rows'] = [];
	const idealMs = Math.ceil(PAGES / CONCURRENCY) * LATENCY_MS;
	const wallRatio = wall.wallMs / idealMs;
	rows.push({ measure: `${PAGES} pages, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}`, value: `${round(wall.wallMs / 1000)} s`, reference: `ideal ${round(idealMs / 1000)} s`, ratio: round(wallRatio, 3) });

	const runCpuMs = Math.min(...cpu.calls.map((run) => run.cpuMs));
	const featureCpuMs = Math.min(...cpu.featureRuns);
	const cpuRatio = featureCpuMs / (runCpuMs - featureCpuMs);
	rows.push({ measure: 'CPU: split + merge vs the calls (zero latency)', value: `${round(featureCpuMs, 1)} ms`, reference: `calls ${round(runCpuMs - featureCpuMs, 0)} ms`, ratio: round(cpuRatio, 3) });

	const memory = await memoryRun();
	const growth = memory.peakRss - memory.rssBeforeRun;
	const memoryRatio = growth / memory.fileBytes;
	rows.push({
		measure: `peak RSS growth, ${BIG_PAGES} pages, ${round(memory.fileBytes / MB, 1)} MB PDF, concurrency ${CONCURRENCY}`,
		value: `${round(growth / MB, 1)} MB`,
		reference: `file ${round(memory.fileBytes / MB, 1)} MB`,
		ratio: round(memoryRatio, 3),
	});

	const met = wallRatio <= WALL_TARGET && cpuRatio <= CPU_TARGET && memoryRatio < MEMORY_TARGET;
	return {
		name: `Multi-page PDF (All Pages, General Text, ${PAGES} pages of ${PAGE_BYTES / 1000} KB, filesystem binary mode)`,
		rows,
		target: `wall ≤ ${WALL_TARGET} × ideal; split + merge ≤ ${CPU_TARGET * 100}% of the calls' CPU; peak memory growth < ${MEMORY_TARGET} × file size`,
		verdict: met ? 'met' : 'missed',
		details: { wall, idealMs, wallRatio, cpuRuns: cpu.calls, featureRuns: cpu.featureRuns, featureCpuMs, cpuRatio, memory, memoryRatio },
	};
}
