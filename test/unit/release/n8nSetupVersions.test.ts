/** `npm run n8n:setup` installs the n8n versions `npm run test:e2e` would run on when N8N_E2E_VERSIONS names them. */
import { spawnSync } from '../../nodejs/child_process.cjs';
import { join } from '../../nodejs/path.cjs';
import process from '../../nodejs/process.cjs';

import { N8N_VERSION, versionsToInstall } from '../../e2e/setup-n8n.cjs';

const setup = join(module.path, '..', '..', 'e2e', 'setup-n8n.cjs');

describe('the n8n versions npm run n8n:setup installs', () => {
	it('N8N_E2E_VERSIONS, read as the e2e suite reads it', () => {
		expect(versionsToInstall([], { N8N_E2E_VERSIONS: '1.123.81, 2.41.1' })).toEqual(['1.123.81', '2.41.1']);
	});

	it('the default n8n without the variable; the versions named on the command line over both', () => {
		expect(versionsToInstall([], {})).toEqual([N8N_VERSION]);
		expect(versionsToInstall([], { N8N_E2E_VERSIONS: ' ' })).toEqual([N8N_VERSION]);
		expect(versionsToInstall(['1.100.1'], { N8N_E2E_VERSIONS: '2.41.1' })).toEqual(['1.100.1']);
	});

	it('the command reads the variable (a wrong one stops it before any install, naming what to fix)', () => {
		const run = spawnSync(process.execPath, [setup], { env: { ...process.env, N8N_E2E_VERSIONS: '2.41' }, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/N8N_E2E_VERSIONS must list exact versions like 1\.123\.81, not: 2\.41/);
	});
});
