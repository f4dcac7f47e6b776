/** The browser check of the editor (npm run test:ui): one real n8n and one Chromium, so one worker and long timeouts. */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 120000,
	maxWorkers: 1,
};
