/** Queue-mode suite (npm run test:queue, started by run.cjs with PostgreSQL and Redis running). */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 300000,
	maxWorkers: 1,
};
