#!/usr/bin/env node
'use strict';
// `npm run check:pack`: what `npm pack` would publish must be exactly the package n8n installs:
// dist/**, README.md, LICENSE and package.json. Anything else (a stray file, a test folder, a
// source map of the tests, a .env) fails CI, as does a missing entry point named in package.json.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..');
const ALWAYS = ['package.json', 'README.md', 'LICENSE'];

/** Problems with a list of packed paths, given the manifest's n8n entry points. */
function packProblems(files, manifest) {
	const unexpected = files.filter((file) => !ALWAYS.includes(file) && !file.startsWith('dist/'));
	const required = [...ALWAYS, ...manifest.n8n.nodes, ...manifest.n8n.credentials];
	const missing = required.filter((file) => !files.includes(file));
	return [
		...unexpected.map((file) => `not part of the package: ${file} (the package ships dist/, README.md, LICENSE, package.json)`),
		...missing.map((file) => `missing from the package: ${file}${file.startsWith('dist/') ? ' (run `npm run build` first)' : ''}`),
	];
}

/** The files `npm pack --dry-run` lists for the repository. */
function packedFiles(root = REPO_ROOT) {
	const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm pack --dry-run failed: ${result.stderr || result.stdout}`);
	const [{ files }] = JSON.parse(result.stdout);
	return files.map((file) => file.path).sort();
}

module.exports = { packProblems, packedFiles };

if (require.main === module) {
	try {
		const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
		const files = packedFiles();
		const problems = packProblems(files, manifest);
		for (const problem of problems) process.stderr.write(`${problem}\n`);
		if (problems.length > 0) throw new Error(`npm pack: ${problems.length} problem(s)`);
		process.stdout.write(`npm pack: ${files.length} files, only dist/**, README.md, LICENSE and package.json\n`);
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 1;
	}
}
