// Regular-expression safety over the node's runtime code (npm run lint:regex): files are hostile,
// so no pattern may backtrack super-linearly or scan super-linearly when it searches (ReDoS), and
// patterns must mean what they look like. Kept apart from the n8n community-node lint (.ci/eslint.config.mjs).
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { regexp },
		linterOptions: { noInlineConfig: true },
		rules: {
			// Time: exponential or polynomial backtracking, and polynomial moves of an unanchored search.
			'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
			'regexp/no-super-linear-move': ['error', { ignoreSticky: false, ignorePartial: false }],
			'regexp/no-dupe-disjunctions': ['error', { report: 'all' }],
			'regexp/optimal-quantifier-concatenation': 'error',
			// Meaning: patterns that do not do what they look like.
			'regexp/no-misleading-capturing-group': 'error',
			'regexp/no-misleading-unicode-character': 'error',
			'regexp/no-empty-alternative': 'error',
			'regexp/no-empty-group': 'error',
			'regexp/no-empty-lookarounds-assertion': 'error',
			'regexp/no-lazy-ends': 'error',
			'regexp/no-optional-assertion': 'error',
			'regexp/no-potentially-useless-backreference': 'error',
			'regexp/no-useless-assertions': 'error',
			'regexp/no-useless-backreference': 'error',
			'regexp/no-useless-quantifier': 'error',
			'regexp/no-invalid-regexp': 'error',
			'regexp/no-control-character': 'error',
		},
	},
];
