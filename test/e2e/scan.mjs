#!/usr/bin/env node
// Offline equivalent of `npx @n8n/scan-community-package`: runs the scanner's own
// analyzePackage() on the source tree and on the unpacked `npm pack` tarball, the two
// legs the real gate lints. Needs a build (dist/) first. Exit code 0 only if both pass.
//
//   node test/e2e/scan.mjs [packageDir]   (npm run scan; packageDir defaults to the repo)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
import { packToFolder } from './pack.cjs';

const repoRoot = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const out = (line) => process.stdout.write(`${line}\n`);

/** Files each leg must contain, so that an empty leg ("No files found") cannot pass. */
function requiredFiles(dir, files) {
	const missing = files.filter((file) => !fs.existsSync(path.join(dir, file)));
	if (missing.length > 0) throw new Error(`missing in ${dir}: ${missing.join(', ')}`);
}

async function leg(name, dir, patterns, mustExist) {
	requiredFiles(dir, mustExist);
	const result = await analyzePackage(dir, patterns);
	out(`${result.passed ? 'PASS' : 'FAIL'} ${name} (${patterns.join(', ')})${result.message ? `: ${result.message}` : ''}`);
	if (result.details) out(result.details);
	return result.passed;
}

async function main() {
	const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const shipped = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	const sources = shipped.map((file) => file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const missingBuild = shipped.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
	if (missingBuild.length > 0) {
		out(`FAIL build output missing (${missingBuild.join(', ')}): run \`npm run build\` first`);
		return false;
	}

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hwocr-scan-'));
	try {
		const sourcePassed = await leg('source tree', repoRoot, SOURCE_FILE_PATTERNS, ['package.json', ...sources]);
		const unpacked = packToFolder(repoRoot, work);
		const tarballPassed = await leg('npm pack tarball', unpacked.dir, ['**/*.js', 'package.json'], [
			'package.json',
			...shipped,
		]);
		out(`tarball: ${path.basename(unpacked.tarball)}, ${unpacked.fileCount} files`);
		return sourcePassed && tarballPassed;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().then(
	(passed) => {
		out(passed ? 'scan passed on both legs' : 'scan FAILED');
		process.exitCode = passed ? 0 : 1;
	},
	(error) => {
		out(`scan FAILED: ${error.stack || error.message}`);
		process.exitCode = 1;
	},
);
