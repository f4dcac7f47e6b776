/** Unit and engine-level suites; the real-n8n end-to-end suite has its own config (test/e2e). */
module.exports = {
	rootDir: '..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	// n8n-core must not write the user's ~/.n8n: every test file gets a throw-away N8N_USER_FOLDER.
	setupFiles: ['<rootDir>/test/harness/n8nUserFolder.ts'],
	// Nothing npm test runs may start a program other than Node (the README promises Node and npm only).
	setupFilesAfterEnv: ['<rootDir>/test/harness/refuseSystemPrograms.ts'],
	testTimeout: 30000,
};
