/**
 * `npm run demo`: the sample images through the Huawei Cloud OCR node in n8n's engine.
 * Offline against the emulator by default; `--real` with HUAWEICLOUD_* variables uses Huawei Cloud.
 */

import './demo/encryptionKey';

import * as path from '../test/nodejs/path.cjs';
import console from '../test/nodejs/console.cjs';
import process from '../test/nodejs/process.cjs';

import { DemoUsageError, ENV, parseDemoArguments, USAGE } from './demo/mode';
import { DEFAULT_OUTPUT_DIR, runDemo } from './demo/runDemo';
import { formatResult } from './demo/summary';

async function main(): Promise<number> {
	const args = parseDemoArguments(process.argv.slice(2), process.env);
	if (args.help) {
		console.log(USAGE);
		return 0;
	}
	const outputDir = path.resolve(args.outputDir ?? DEFAULT_OUTPUT_DIR);
	if (args.mode.kind === 'real') {
		console.log(`Huawei Cloud OCR demo against the REAL service in ${args.mode.region} (each image is one billed call).\n`);
	} else {
		console.log(
			`Huawei Cloud OCR demo against the local emulator${args.mode.recognition ? ' with offline text recognition' : ''}.`,
		);
		if (args.ignoredCredentials) {
			console.log(`(${ENV.accessKeyId}/${ENV.secretAccessKey}/${ENV.region} are set but ignored: add --real to use Huawei Cloud.)`);
		}
		console.log('');
	}

	const results = await runDemo({
		mode: args.mode,
		outputDir,
		onResult: (result) => console.log(formatResult(result) + '\n'),
	});
	console.log(`Results (JSON, TXT, XLSX) are in ${outputDir}`);
	return results.some((result) => result.source === 'failed') ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error(error instanceof DemoUsageError ? error.message : error);
		process.exitCode = error instanceof DemoUsageError ? 2 : 1;
	},
);
