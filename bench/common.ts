/** What every benchmark shares: the emulator, the node run through n8n-core's engine, timing and images. */
import { spawn } from '../test/nodejs/child_process.cjs';
import { join } from '../test/nodejs/path.cjs';
import process from '../test/nodejs/process.cjs';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { signRequest } from '../nodes/HuaweiCloud/signer';
import { OPERATIONS } from '../nodes/HuaweiCloudOcr/catalog';
import { EMULATOR_ACCOUNT, type Emulator } from '../test/emulator';
import type { FaultSettings } from '../test/emulator/types';
import { paddedJpeg } from '../test/fixtures/syntheticFiles';
import type { BinaryMode } from '../test/harness/engine';
import { emulatorCredentials, fileItem, ocrCredentialsHelper, runOcr } from '../test/harness/ocrNode';
import { RemoteEmulator } from './remoteEmulator';

export const REGION = 'cn-north-4';
export const OPERATION = OPERATIONS.find((operation) => operation.id === 'general-text')!;

export const MB = 1024 * 1024;

/** The emulator in a child process, so it does not compete with the node for the event loop. */
export async function benchEmulator(faults: FaultSettings = {}): Promise<RemoteEmulator> {
	return await RemoteEmulator.start({ faults });
}

/** What the baselines send for one image: the JSON body and its SDK-HMAC-SHA256 headers, signed now. */
export function signedImageRequest(url: string, image: Buffer): { body: string; headers: Record<string, string> } {
	const body = JSON.stringify({ image: image.toString('base64') });
	const headers = signRequest({
		method: 'POST',
		url,
		headers: { 'Content-Type': 'application/json' },
		body,
		accessKeyId: EMULATOR_ACCOUNT.accessKeyId,
		secretAccessKey: EMULATOR_ACCOUNT.secretAccessKey,
		date: new Date(),
	});
	return { body, headers };
}

/** AK/SK credentials with the project id given, so no IAM lookup enters the timings. */
export function benchCredentials(emulator: Pick<Emulator, 'url'>) {
	return emulatorCredentials(emulator, 'accessKey', {
		region: REGION,
		projectId: EMULATOR_ACCOUNT.projectIds[REGION],
	});
}

/** A JPEG of exactly `bytes` bytes, with a header the pre-flight and the emulator accept. */
export function jpegOfSize(bytes: number): Buffer {
	return paddedJpeg(2400, 1800, bytes);
}

export async function jpegItems(count: number, image: Buffer): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (let index = 0; index < count; index++) {
		items.push(await fileItem(image, `scan-${index}.jpg`, 'image/jpeg', { index }));
	}
	return items;
}

export interface NodeRunResult {
	wallMs: number;
	outputCount: number;
	/** Output items that carry an error (Continue On Fail). */
	failedCount: number;
	/** Whether output i is paired with input i, for every i. */
	inOrder: boolean;
	error?: string;
}

/** Runs the OCR node once over `items` with the given execution options, timing the whole engine run. */
export async function runNodeTimed(
	emulator: Pick<Emulator, 'url'>,
	items: INodeExecutionData[],
	options: INodeParameters,
	extra: { binaryMode?: BinaryMode; continueOnFail?: boolean; keepAccountPacing?: boolean } = {},
): Promise<NodeRunResult> {
	const credentials = benchCredentials(emulator);
	const started = performance.now();
	const run = await runOcr({
		parameters: { resource: OPERATION.resource, operation: OPERATION.value, options },
		credentials,
		credentialsHelper: ocrCredentialsHelper(credentials),
		items,
		binaryMode: extra.binaryMode,
		onError: extra.continueOnFail ? 'continueRegularOutput' : undefined,
		keepAccountPacing: extra.keepAccountPacing,
	});
	const wallMs = performance.now() - started;
	return {
		wallMs,
		outputCount: run.items.length,
		failedCount: run.items.filter((item) => item.json.error !== undefined).length,
		inOrder: run.items.every((item, index) => (item.pairedItem as { item: number } | undefined)?.item === index),
		error: run.error?.message,
	};
}

export function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export type Verdict = 'met' | 'missed';

export interface BenchmarkReport {
	name: string;
	/** Rows for the printed table. */
	rows: Array<Record<string, string | number | boolean>>;
	target: string;
	verdict: Verdict;
	/** With several runs: how many met the target, e.g. "3 of 3 runs". */
	verdictNote?: string;
	details: Record<string, unknown>;
}

/**
 * Runs bench/<script> in its own Node process (with --expose-gc) and returns the JSON object it
 * prints on its last line.
 */
export async function runBenchScript<T>(script: string, args: string[], env: Record<string, string> = {}): Promise<T> {
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(module.path, script), ...args], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const line = stdout.trim().split('\n').pop() ?? '';
	if (code !== 0 || !line.startsWith('{')) throw new Error(`${script} ${args.join(' ')} failed with ${code}: ${stderr.slice(-2000)}`);
	return JSON.parse(line) as T;
}

/** A memory benchmark's child script, against the emulator at `emulatorUrl`. */
export async function runMemoryChild<T>(script: string, args: string[], emulatorUrl: string): Promise<T> {
	return await runBenchScript<T>(script, args, { BENCH_EMULATOR_URL: emulatorUrl });
}
