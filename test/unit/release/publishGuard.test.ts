/** `npm publish` runs only in the provenance workflow: prepublishOnly refuses it anywhere else, saying how to release. */
import { spawnSync } from '../../nodejs/child_process.cjs';
import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';
import process from '../../nodejs/process.cjs';

import { refusal } from '../../../.ci/publish-guard.cjs';
import { projectRoot as root } from '../../harness/repositoryFiles';

const guard = join(root, '.ci', 'publish-guard.cjs');

const PUBLISH_WORKFLOW = {
	GITHUB_ACTIONS: 'true',
	GITHUB_WORKFLOW_REF: 'acme/n8n-nodes-huaweicloud-ocr/.github/workflows/publish.yml@refs/tags/v1.2.3',
	ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/',
};

function runGuard(env: Record<string, string>) {
	const run = spawnSync(process.execPath, [guard], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
	return { status: run.status, stderr: run.stderr };
}

describe('the prepublishOnly guard', () => {
	it('is the package.json prepublishOnly script, and publish.yml lets npm run it (the project .npmrc ignores scripts)', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		expect(manifest.scripts.prepublishOnly).toBe('node .ci/publish-guard.cjs');
		expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
		expect(readFileSync(join(root, '.github', 'workflows', 'publish.yml'), 'utf8')).toMatch(/- run: npm publish --provenance --access public --ignore-scripts=false\n/);
	});

	it('refuses a publish from a laptop, saying why and how to release', () => {
		const run = runGuard({});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^npm publish refused: this is not GitHub Actions\./);
		expect(run.stderr).toMatch(/published only by \.github\/workflows\/publish\.yml/);
		expect(run.stderr).toMatch(/provenance/);
		expect(run.stderr).toMatch(/push the tag v<version>/);
	});

	it('refuses another workflow, a branch build, and a job without id-token permission', () => {
		expect(refusal({ ...PUBLISH_WORKFLOW, GITHUB_WORKFLOW_REF: 'acme/repo/.github/workflows/ci.yml@refs/heads/main' })).toMatch(/not \.github\/workflows\/publish\.yml on a version tag/);
		expect(refusal({ ...PUBLISH_WORKFLOW, GITHUB_WORKFLOW_REF: 'acme/repo/.github/workflows/publish.yml@refs/heads/main' })).toMatch(/on a version tag/);
		expect(refusal({ ...PUBLISH_WORKFLOW, ACTIONS_ID_TOKEN_REQUEST_URL: '' })).toMatch(/id-token permission/);
	});

	it('lets the provenance workflow on a version tag publish', () => {
		expect(refusal(PUBLISH_WORKFLOW)).toBeUndefined();
		expect(runGuard(PUBLISH_WORKFLOW)).toEqual({ status: 0, stderr: '' });
	});
});
