// n8n's community-node lint rules (the same config `n8n-node lint` uses), kept in .ci/ so the
// package's top level stays as n8n expects (run from the repo root: patterns resolve against it).
// The verification gate only looks at nodes/ and credentials/. Tests, the emulator, benchmarks and
// examples are plain Node programs, not n8n nodes, so the community-node rules don't apply to them.
import { config } from '@n8n/node-cli/eslint';

const communityNodeRulesOff = Object.fromEntries(
	config
		.flatMap((entry) => Object.keys(entry.rules ?? {}))
		.filter((rule) => rule.startsWith('@n8n/community-nodes/'))
		.map((rule) => [rule, 'off']),
);

export default [
	...config,
	{ ignores: ['node_modules/**', 'dist/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
	{
		files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
		rules: {
			...communityNodeRulesOff,
			'no-console': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
];
