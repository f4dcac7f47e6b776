/**
 * Headless Chromium (Debian's `chromium` package) driven by playwright-core. The flags keep it off
 * the network it cannot reach; every run gets a fresh profile that is deleted again.
 */
import { spawnSync } from '../nodejs/child_process.cjs';
import { existsSync, mkdtempSync, rmSync } from '../nodejs/fs.cjs';
import { tmpdir } from '../nodejs/os.cjs';
import { join } from '../nodejs/path.cjs';
import process from '../nodejs/process.cjs';

import { chromium, selectors } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export const VIEWPORT = { width: 1440, height: 900 };

/** Installs Debian's chromium when missing and allowed (CI, as root); otherwise says how to get it. */
export function ensureChromium(): string {
	if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (process.env.CI !== 'true' || !isRoot || process.env.CHROMIUM_PATH) {
		throw new Error(
			`Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (sudo apt-get update && sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
		);
	}
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}); the browser check needs Debian's chromium package.`);
	}
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`);
	return CHROMIUM_PATH;
}

export interface Browser {
	context: BrowserContext;
	page: Page;
	/** Uncaught exceptions in the editor's JavaScript. */
	pageErrors: string[];
	/** Requests that n8n answered with 4xx/5xx, e.g. `404 GET /rest/…` (for diagnosing an error toast). */
	failedRequests: string[];
	close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
	const executablePath = ensureChromium();
	// n8n marks elements with data-test-id, not Playwright's default data-testid.
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'hwocr-ui-chromium-'));
	const context = await chromium
		.launchPersistentContext(profile, {
			executablePath,
			args: CHROMIUM_ARGS,
			headless: true,
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
			timeout: 60_000,
		})
		.catch((error: unknown) => {
			rmSync(profile, { recursive: true, force: true });
			throw error;
		});
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(30_000);
	const pageErrors: string[] = [];
	page.on('pageerror', (error) => pageErrors.push(error.message));
	const failedRequests: string[] = [];
	page.on('response', (response) => {
		if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
	});
	return {
		context,
		page,
		pageErrors,
		failedRequests,
		close: async () => {
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
