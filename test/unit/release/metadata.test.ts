/**
 * Package metadata: no invented contact data, and the project's address in one place (package.json's
 * repository); every other link to it (homepage, bugs, the node's and credential's documentation
 * links) must follow it, so setting it once before the first release is enough to find the rest.
 */
import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { projectRoot as root } from '../../harness/repositoryFiles';

const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
interface Manifest {
	repository: { url: string };
	author: unknown;
	homepage: string;
	bugs: unknown;
	license: string;
	dependencies?: Record<string, string>;
}
const manifest = read('package.json') as Manifest;
const project = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

it('names no invented contact e-mail and keeps homepage and bugs on the repository', () => {
	// n8n's lint and verification scan require an author e-mail: until the maintainers set theirs, a
	// reserved .invalid placeholder (RFC 2606) that publish.yml refuses to publish.
	expect(manifest.author).toEqual({ name: expect.any(String), email: 'set-before-publishing@example.invalid' });
	expect(readFileSync(join(root, '.github', 'workflows', 'publish.yml'), 'utf8')).toMatch(/\*\.invalid\) echo "::error::set author\.email/);
	expect(manifest.homepage).toBe(project);
	expect(manifest.bugs).toEqual({ url: `${project}/issues` });
	expect(manifest.license).toBe('MIT');
	expect(manifest.dependencies ?? {}).toEqual({});
});

it('points the node and credential documentation links at the repository', () => {
	const codex = read('nodes/HuaweiCloudOcr/HuaweiCloudOcr.node.json') as { resources: Record<string, Array<{ url: string }>> };
	const links = Object.values(codex.resources).flat().map((link) => link.url);
	expect(links.length).toBeGreaterThan(0);
	for (const link of [...links, new HuaweiCloudApi().documentationUrl]) expect(link.startsWith(`${project}#`)).toBe(true);
});
