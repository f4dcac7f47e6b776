// n8n's community-node lint rules (the same config `n8n-node lint` uses), kept in .ci/ so the
// package's top level stays as n8n expects (run from the repo root: patterns resolve against it).
// The verification gate only looks at nodes/ and credentials/; tests, the emulator, benchmarks
// and examples are Node programs, so the runtime-restriction rules don't apply to them.
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{ ignores: ['node_modules/**', 'dist/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
	{
		files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'no-console': 'off',
		},
	},
];
