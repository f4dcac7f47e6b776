/**
 * n8n's strict mode: the root eslint.config.mjs is n8n's template, unchanged (`n8n-node lint` and
 * `n8n-node cloud-support` check it). Tests, benchmarks and examples are Node programs with a
 * config of their own, which ESLint picks as the nearest config for each file.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe("the lint setup n8n's tooling expects", () => {
	it('the root eslint.config.mjs is exactly the template of the installed @n8n/node-cli', () => {
		const template = read('node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');
		expect(read('eslint.config.mjs')).toBe(template);
		expect(JSON.parse(read('package.json')).n8n.strict).toBe(true);
	});

	it('npm run lint is n8n-node lint, with ESLint looking up the nearest config for each file', () => {
		const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
		expect(scripts.lint).toBe('ESLINT_FLAGS=v10_config_lookup_from_file n8n-node lint');
	});

	it.each(['test', 'bench', 'examples'])('%s/ has its own config (the Node-program rules), not the community-node rules', (folder) => {
		expect(read(`${folder}/eslint.config.mjs`)).toMatch(/^export \{ default \} from '\.\.\/\.ci\/eslint\.devCode\.mjs';$/m);
	});

	it('no config of its own in nodes/ or credentials/: they get the template', () => {
		for (const folder of ['nodes', 'credentials']) {
			expect(() => read(`${folder}/eslint.config.mjs`)).toThrow(/ENOENT/);
		}
	});
});
