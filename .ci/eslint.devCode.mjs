// Lint rules for the project's own programs: tests, the emulator, benchmarks and examples. They are
// Node programs, not n8n nodes: they read files, start n8n, time things and print. So they get
// n8n's config (the same TypeScript, import and JavaScript rules as the node) without the
// community-node rules, which exist to keep code that runs inside n8n sandboxable.
// Each of test/, bench/ and examples/ has an eslint.config.mjs re-exporting this; ESLint picks the
// nearest config for each file (ESLint's v10 config lookup), so nodes/ and credentials/ keep
// n8n's template config at the root unchanged.
import { config } from '@n8n/node-cli/eslint';

const communityNodeRulesOff = Object.fromEntries(
	config
		.flatMap((entry) => Object.keys(entry.rules ?? {}))
		.filter((rule) => rule.startsWith('@n8n/community-nodes/'))
		.map((rule) => [rule, 'off']),
);

export default [
	...config,
	{ ignores: ['**/*.js', '**/*.mjs', '**/*.cjs'] },
	{
		files: ['**/*.ts'],
		rules: {
			...communityNodeRulesOff,
			'no-console': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
];
