/** Real-n8n end-to-end suite (npm run test:e2e): boots n8n several times, so long timeouts and one worker. */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 300000,
	maxWorkers: 1,
};
