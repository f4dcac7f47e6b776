/**
 * n8n's strict mode: the root eslint.config.mjs is n8n's template, unchanged (`n8n-node lint` and
 * `n8n-node cloud-support` check it), and it is the only ESLint config: `n8n-node lint` holds every
 * TypeScript file of the repository, tests included, to the community-node rules. The TypeScript in
 * test/, bench/ and examples/ reaches Node's modules and globals through test/nodejs/ (README, Lint);
 * the node and the credential never may.
 */
import { relative, resolve } from '../../nodejs/path.cjs';

import { filesUnder, projectRoot as root, readProjectFile as read } from '../../harness/repositoryFiles';

/** The module specifiers of a TypeScript source: static imports and exports, `require` and `import()`. */
function importedModules(source: string): string[] {
	const specifiers = [
		...source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'/gm),
		...source.matchAll(/^\s*import\s+'([^']+)'/gm),
		...source.matchAll(/\b(?:require|import)\(\s*'([^']+)'\s*\)/g),
	];
	return specifiers.map((match) => match[1]);
}

/** What n8n provides to a community node at run time (n8n's no-restricted-imports allowlist). */
const PROVIDED_BY_N8N = ['n8n-workflow', 'zod', 'p-limit', 'lodash', 'luxon', 'moment', 'crypto', 'node:crypto'];

describe("the lint setup n8n's tooling expects", () => {
	it('the root eslint.config.mjs is exactly the template of the installed @n8n/node-cli', () => {
		const template = read('node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');
		expect(read('eslint.config.mjs')).toBe(template);
		expect(JSON.parse(read('package.json')).n8n.strict).toBe(true);
	});

	it('npm run lint is plain n8n-node lint, and .ci/run runs it without any ESLint flag', () => {
		const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
		expect(scripts.lint).toBe('n8n-node lint');
		expect(scripts['lint:fix']).toBe('n8n-node lint --fix');
		expect(read('.ci/run')).toMatch(/^step "n8n-node lint[^"]*" npx n8n-node lint$/m);
		expect(read('.ci/run')).not.toMatch(/ESLINT_FLAGS/);
	});

	it('there is no other ESLint config that could soften the template for some folder', () => {
		const configs = ['nodes', 'credentials', 'test', 'bench', 'examples'].flatMap((folder) => filesUnder(folder, /^eslint\.config\.(js|cjs|mjs|ts|cts|mts)$/));
		expect(configs).toEqual([]);
	});

	it('test/nodejs/ holds only re-exports of Node modules, each with its types', () => {
		const doors = filesUnder('test/nodejs', /\.cjs$/);
		expect(doors).toEqual(expect.arrayContaining(['test/nodejs/fs.cjs', 'test/nodejs/child_process.cjs', 'test/nodejs/process.cjs', 'test/nodejs/timers/promises.cjs']));
		for (const door of doors) {
			const nodeModule = door.replace(/^test\/nodejs\//, '').replace(/\.cjs$/, '');
			expect({ door, source: read(door) }).toEqual({ door, source: `module.exports = require('node:${nodeModule}');\n` });
			expect(read(door.replace(/\.cjs$/, '.d.cts'))).toMatch(new RegExp(`^import \\w+ = require\\('node:${nodeModule}'\\);\\nexport = \\w+;\\n$`));
		}
	});

	it('the node and the credential import only each other and what n8n provides (never test/nodejs/)', () => {
		const sources = [...filesUnder('nodes', /\.ts$/), ...filesUnder('credentials', /\.ts$/)];
		expect(sources.length).toBeGreaterThan(50);
		const offending = sources.flatMap((file) =>
			importedModules(read(file))
				.filter((specifier) => {
					if (!specifier.startsWith('.')) return !PROVIDED_BY_N8N.includes(specifier);
					const target = relative(root, resolve(root, file, '..', specifier));
					return !target.startsWith('nodes/') && !target.startsWith('credentials/');
				})
				.map((specifier) => `${file}: ${specifier}`),
		);
		expect(offending).toEqual([]);
	});

	it('the import scan would see a door, a Node module and a package outside the allowlist', () => {
		const source = "import { readFileSync } from '../../test/nodejs/fs.cjs';\nimport type { Agent } from 'node:http';\nconst undici = require('undici');\nexport { x } from './x';";
		expect(importedModules(source)).toEqual(['../../test/nodejs/fs.cjs', 'node:http', './x', 'undici']);
	});
});
