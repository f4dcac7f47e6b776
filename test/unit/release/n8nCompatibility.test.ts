/**
 * The node runs with the host n8n's own n8n-workflow, not the one in our devDependencies. On the
 * oldest supported n8n (README "Compatibility": 1.x) only part of today's n8n-workflow exists, so
 * nodes/ and credentials/ may take from it at run time only what every supported line exports
 * (type-only imports vanish at build time and don't count). The real-n8n suite proves it per version.
 */
import { filesUnder, readProjectFile } from '../../harness/repositoryFiles';

/** Value exports of n8n-workflow present from n8n 1.100 (n8n-workflow 1.97) to 2.x. */
const EXPORTED_ON_EVERY_SUPPORTED_N8N = ['ExpressionError', 'NodeApiError', 'NodeConnectionTypes', 'NodeOperationError', 'UserError', 'sleep'];

/** `file: name` for every value (non-type) import from n8n-workflow. */
function runtimeImports(file: string): string[] {
	const text = readProjectFile(file);
	const imports = [...text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'n8n-workflow'/g)];
	return imports
		.filter(([, typeOnly]) => !typeOnly)
		.flatMap(([, , names]) => names.split(','))
		.map((name) => name.trim())
		.filter((name) => name !== '' && !name.startsWith('type '))
		.map((name) => `${file}: ${name}`);
}

it('nodes/ and credentials/ use only n8n-workflow exports that every supported n8n has', () => {
	const used = ['nodes', 'credentials'].flatMap((folder) => filesUnder(folder, /\.ts$/)).flatMap(runtimeImports);
	expect(used.length).toBeGreaterThan(0);
	const missingOnOlderN8n = used.filter((entry) => !EXPORTED_ON_EVERY_SUPPORTED_N8N.includes(entry.split(': ')[1]));
	expect(missingOnOlderN8n).toEqual([]);
});
