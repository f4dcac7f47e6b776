/**
 * Runs each sample image through the Huawei Cloud OCR node in n8n-core's engine (the test harness),
 * against the emulator or the real service, and writes the JSON, TXT and XLSX results to a folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from '../../test/nodejs/fs.cjs';
import * as path from '../../test/nodejs/path.cjs';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { hostingRegions, OPERATIONS, operationForRegion, regionProblem } from '../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation } from '../../nodes/HuaweiCloudOcr/catalog/types';
import { DEFAULT_VERSION } from '../../nodes/HuaweiCloudOcr/versions';
import { type Emulator, startEmulator } from '../../test/emulator';
import { createTesseractRecognizer, type TesseractRecognizer } from '../../test/emulator/recognition';
import { readBinary } from '../../test/harness/engine';
import { emulatorCredentials, fileItem, runOcr } from '../../test/harness/ocrNode';
import { SAMPLE_IMAGES, sampleImagePath, type SampleImage } from '../images/samples';
import type { DemoMode, RealCredentials } from './mode';

export const DEFAULT_OUTPUT_DIR = path.join(module.path, '..', 'output');

export interface DemoResult {
	image: SampleImage;
	operation: OcrOperation;
	region: string;
	/** recognized = real OCR in the emulator; sample/template = canned answer; huawei = the real service. */
	source: 'recognized' | 'sample' | 'template' | 'answer' | 'huawei' | 'skipped' | 'failed';
	milliseconds: number;
	/** Every output item: Main first, then Needs Review. */
	items: IDataObject[];
	/** How many of them went to Needs Review. */
	needsReview: number;
	files: string[];
	error?: string;
}

export interface DemoOptions {
	mode: DemoMode;
	outputDir?: string;
	images?: readonly SampleImage[];
	/** Called after each image, so the CLI can print as it goes. */
	onResult?: (result: DemoResult) => void;
}

/** Node parameters per demo operation: what a user would pick in the editor for that kind of image. */
function nodeParameters(operation: OcrOperation, image: SampleImage): INodeParameters {
	const base = { resource: operation.resource, operation: operation.value };
	if (image.document) {
		// Every page, one paid call each, merged into one item; the table that runs over pages 1-2 as one sheet.
		return { ...base, pages: 'all', recognitionOptions: { table: true }, options: { attachText: true, attachExcel: true } };
	}
	switch (operation.id) {
		case 'general-table':
			return { ...base, tableOutput: 'rows', options: { attachText: true, attachExcel: true } };
		case 'passport':
			return { ...base, options: { includeConfidence: true } };
		default:
			return { ...base, options: { attachText: true } };
	}
}

/** The first region that hosts the operation and, for a document, reads its format there. */
function emulatorRegion(operation: OcrOperation, image: SampleImage): string {
	const regions = hostingRegions(operation);
	if (!image.document) return regions[0];
	return regions.find((region) => operationForRegion(operation, region).formats.includes('pdf')) ?? regions[0];
}

function operationOf(image: SampleImage): OcrOperation {
	const operation = OPERATIONS.find((candidate) => candidate.id === image.operation);
	if (!operation) throw new Error(`The catalog has no operation "${image.operation}"`);
	return operation;
}

function realCredentials(real: RealCredentials): ICredentialDataDecryptedObject {
	return {
		authType: real.securityToken ? 'temporaryAccessKey' : 'accessKey',
		region: real.region,
		customRegion: '',
		projectId: real.projectId ?? '',
		accessKeyId: real.accessKeyId,
		secretAccessKey: real.secretAccessKey,
		securityToken: real.securityToken ?? '',
		domainName: '',
		userName: '',
		password: '',
		ocrEndpoint: '',
		iamEndpoint: '',
		sessionToken: '',
	};
}

async function writeOutputs(outputDir: string, image: SampleImage, items: INodeExecutionData[]): Promise<string[]> {
	const base = path.parse(image.file).name;
	const written: string[] = [];
	const jsonPath = path.join(outputDir, `${base}.json`);
	writeFileSync(jsonPath, JSON.stringify(items.map((item) => item.json), null, 2) + '\n');
	written.push(jsonPath);
	for (const item of items) {
		for (const binary of Object.values(item.binary ?? {})) {
			const target = path.join(outputDir, binary.fileName ?? `${base}.${binary.fileExtension ?? 'bin'}`);
			writeFileSync(target, await readBinary(binary));
			written.push(target);
		}
	}
	return written;
}

function prepareOutputDir(outputDir: string): void {
	mkdirSync(outputDir, { recursive: true });
	// Results are the user's to look at, never to commit.
	writeFileSync(path.join(outputDir, '.gitignore'), '*\n');
}

export async function runDemo(options: DemoOptions): Promise<DemoResult[]> {
	const outputDir = options.outputDir ?? DEFAULT_OUTPUT_DIR;
	prepareOutputDir(outputDir);
	const { mode } = options;
	let recognizer: TesseractRecognizer | undefined;
	let emulator: Emulator | undefined;
	if (mode.kind === 'emulator') {
		recognizer = mode.recognition ? createTesseractRecognizer() : undefined;
		emulator = await startEmulator(recognizer ? { recognizer: recognizer.recognize } : {});
	}

	const results: DemoResult[] = [];
	try {
		for (const image of options.images ?? SAMPLE_IMAGES) {
			const operation = operationOf(image);
			const region = mode.kind === 'real' ? mode.region : emulatorRegion(operation, image);
			const result = await runOne(image, operation, region);
			results.push(result);
			options.onResult?.(result);
		}
	} finally {
		await emulator?.stop();
		await recognizer?.terminate();
	}
	return results;

	async function runOne(image: SampleImage, operation: OcrOperation, region: string): Promise<DemoResult> {
		const base = { image, operation, region, items: [] as IDataObject[], needsReview: 0, files: [] as string[] };
		const unavailable = mode.kind === 'real' ? regionProblem(operation, region) : undefined;
		if (unavailable) return { ...base, source: 'skipped', milliseconds: 0, error: unavailable };

		emulator?.clearLog();
		const credentials =
			mode.kind === 'real' ? realCredentials(mode) : emulatorCredentials(emulator as Emulator, 'accessKey', { region });
		const started = Date.now();
		const run = await runOcr({
			// The version a node newly added to a workflow gets.
			typeVersion: DEFAULT_VERSION,
			parameters: nodeParameters(operation, image),
			credentials,
			items: [await fileItem(readFileSync(sampleImagePath(image.file)), image.file, image.document?.mimeType ?? 'image/png')],
		});
		const milliseconds = Date.now() - started;
		if (run.error) {
			const description = (run.error as { description?: string }).description;
			return { ...base, source: 'failed', milliseconds, error: [run.error.message, description].filter(Boolean).join(' — ') };
		}
		const ocrCall = emulator?.requests.find((request) => request.service === 'ocr' && request.status === 200);
		return {
			...base,
			source: mode.kind === 'real' ? 'huawei' : (ocrCall?.resultSource ?? 'sample'),
			milliseconds,
			items: run.outputs.flat().map((item) => item.json),
			needsReview: run.outputs[1]?.length ?? 0,
			files: await writeOutputs(outputDir, image, run.outputs.flat()),
		};
	}
}
