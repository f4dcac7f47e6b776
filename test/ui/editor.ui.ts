/**
 * The node in a real n8n editor (npm run test:ui): n8n 2.41.1 with our packed package, the emulator
 * behind the credential, and headless Chromium adding the node, switching operations and input
 * sources, and opening the credential dialog in every auth mode. It writes the README's screenshots
 * to examples/screenshots/. Before that, n8n's own credential test runs through its REST API.
 */
import { join } from '../nodejs/path.cjs';
import console from '../nodejs/console.cjs';

import type { Locator } from 'playwright-core';

import { emulatorCredentials } from '../harness/ocrNode';
import { EMULATOR_ACCOUNT } from '../emulator';
import * as n8n from '../e2e/n8n.cjs';
import { launchBrowser } from './browser';
import type { Browser } from './browser';
import {
	addFirstCollectionOption,
	addManualTrigger,
	addNodeFromPanel,
	chooseOption,
	discardCredentialDialog,
	editorErrors,
	openNewCredentialDialog,
	openNewWorkflow,
	screenshotOf,
	shownOption,
	signIn,
	visibleCredentialLabels,
	visibleParameterLabels,
} from './editor';
import { startEditorSession } from './session';
import type { EditorSession } from './session';

const CREDENTIAL_TYPE = 'huaweiCloudApi';
const SCREENSHOTS = join(n8n.REPO_ROOT, 'examples', 'screenshots');
const shot = (name: string) => join(SCREENSHOTS, name);

let session: EditorSession | undefined;
let browser: Browser | undefined;

afterAll(async () => {
	const failed = browser?.failedRequests.filter((request) => !request.startsWith('401 ')) ?? [];
	if (failed.length > 0) console.log(`n8n answered these editor requests with errors:\n${failed.join('\n')}`);
	await browser?.close();
	await session?.stop();
});

function started(): EditorSession {
	if (!session) throw new Error('n8n did not start (see the first failure)');
	return session;
}

const stored: Record<string, { id: string; name: string }> = {};

beforeAll(async () => {
	session = await startEditorSession();
	const emu = session.emulator;
	stored.accessKey = await session.rest.createCredential('Huawei Cloud account', CREDENTIAL_TYPE, emulatorCredentials(emu, 'accessKey'));
	stored.password = await session.rest.createCredential('Huawei Cloud IAM user', CREDENTIAL_TYPE, emulatorCredentials(emu, 'password'));
	stored.temporaryAccessKey = await session.rest.createCredential(
		'Huawei Cloud temporary key',
		CREDENTIAL_TYPE,
		emulatorCredentials(emu, 'temporaryAccessKey'),
	);
}, 10 * 60 * 1000);

describe('n8n credential test through the REST API (POST /rest/credentials/test)', () => {
	const test = async (mode: 'accessKey' | 'password' | 'temporaryAccessKey', overrides: Record<string, string> = {}) => {
		const { rest, emulator } = started();
		return await rest.testCredential(stored[mode], CREDENTIAL_TYPE, emulatorCredentials(emulator, mode, overrides));
	};

	it.each(['accessKey', 'temporaryAccessKey', 'password'] as const)('reports a working %s setup as connected', async (mode) => {
		expect(await test(mode)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('explains wrong access keys', async () => {
		const result = await test('accessKey', { secretAccessKey: 'example-wrong-secret-key-00000000000000000' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the access key signature \(APIG\.0301.*Check the Access Key ID and Secret Access Key/);
		expect(result.message).not.toContain('example-wrong-secret-key');
	});

	it('explains a wrong IAM password', async () => {
		const result = await test('password', { password: 'Example-wrong-password-1' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/IAM rejected the sign-in of "[^"]+" in account "[^"]+".*Check Account Name/);
		expect(result.message).not.toContain('Example-wrong-password-1');
	});

	it('tells that OCR is not subscribed in the region', async () => {
		const { emulator } = started();
		emulator.setFaults({ notSubscribed: [{ region: 'cn-north-4' }] });
		try {
			// n8n keeps a successful check of the same keys for 10 minutes, as the credential caches it;
			// naming the project makes this a different setup, checked afresh.
			const result = await test('accessKey', { projectId: EMULATOR_ACCOUNT.projectIds['cn-north-4'] });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/General Text OCR is not enabled in region cn-north-4.*Enable the General Text API in region cn-north-4/);
		} finally {
			emulator.resetFaults();
		}
	});
});

describe('the node in the n8n editor (headless Chromium)', () => {
	let ndv: Locator;

	beforeAll(async () => {
		const { server } = started();
		browser = await launchBrowser();
		await signIn(browser.page, server.baseUrl);
		await openNewWorkflow(browser.page, server.baseUrl);
	}, 5 * 60 * 1000);

	afterEach(async () => {
		if (!browser) return;
		const shown = await editorErrors(browser.page);
		const failed = browser.failedRequests.filter((request) => !request.startsWith('401 '));
		expect({ shown, pageErrors: browser.pageErrors, failedRequests: shown.length > 0 ? failed : [] }).toEqual({
			shown: [],
			pageErrors: [],
			failedRequests: [],
		});
	});

	/** The middle column of the node details view: the node's parameters. */
	const parametersPane = () => ndv.locator('.node-settings');

	const page = () => {
		if (!browser) throw new Error('Chromium did not start');
		return browser.page;
	};

	it('adds Huawei Cloud OCR from the nodes panel, as General Text reading a binary file', async () => {
		await addManualTrigger(page());
		ndv = await addNodeFromPanel(page(), 'Huawei', 'Huawei Cloud OCR', 'Recognize text in an image or PDF');
		expect(await shownOption(ndv, 'resource')).toBe('Text & Table');
		expect(await shownOption(ndv, 'operation')).toBe('General Text');
		expect(await shownOption(ndv, 'inputSource')).toBe('Binary File');
		expect(await visibleParameterLabels(ndv)).toEqual([
			'Resource',
			'Operation',
			'Input Source',
			'Input Binary Field',
			'Pages',
			'Recognition Options',
			'Simplify',
			'Needs Review Output',
			'Options',
		]);
		// The credential created through the API is picked up by the new node.
		await expect(ndv.getByTestId('node-credentials-select').locator('input').first().inputValue()).resolves.toMatch(/^Huawei Cloud/);
		await screenshotOf(page(), ndv, shot('node-general-text.png'));
	});

	it('switches to Passport (Identity Document) and offers its Country option', async () => {
		await chooseOption(page(), ndv, 'resource', 'Identity Document');
		await chooseOption(page(), ndv, 'operation', 'Passport');
		expect(await shownOption(ndv, 'operation')).toBe('Passport');
		await addFirstCollectionOption(page(), ndv, 'Country');
		expect(await shownOption(ndv, 'countryCode')).toBe('Auto-Detect');
		expect(await visibleParameterLabels(ndv)).toEqual([
			'Resource',
			'Operation',
			'Input Source',
			'Input Binary Field',
			'Recognition Options',
			'Country',
			'Simplify',
			'Needs Review Output',
			'Options',
		]);
		await screenshotOf(page(), parametersPane(), shot('node-passport.png'));
	});

	it('switches to General Table, with its table output settings', async () => {
		await chooseOption(page(), ndv, 'resource', 'Text & Table');
		await chooseOption(page(), ndv, 'operation', 'General Table');
		expect(await shownOption(ndv, 'operation')).toBe('General Table');
		// Tables get the Output choice (one item per document, per table or per row).
		expect(await visibleParameterLabels(ndv)).toEqual([
			'Resource',
			'Operation',
			'Input Source',
			'Input Binary Field',
			'Recognition Options',
			'Simplify',
			'Output',
			'Needs Review Output',
			'Options',
		]);
		await screenshotOf(page(), parametersPane(), shot('node-general-table.png'));
	});

	it.each([
		{ source: 'URL', shown: ['URL'] },
		{ source: 'OBS Object', shown: ['OBS Bucket', 'OBS Object Key'] },
		{ source: 'Binary File', shown: ['Input Binary Field'] },
	])('shows the $source fields and only those', async ({ source, shown }) => {
		const inputFields = ['Input Binary Field', 'Base64 String', 'URL', 'OBS Bucket', 'OBS Object Key', 'OBS Region'];
		await chooseOption(page(), ndv, 'inputSource', source);
		const labels = await visibleParameterLabels(ndv);
		expect(labels).toEqual(expect.arrayContaining(shown));
		const otherSources = inputFields.filter((field) => !shown.includes(field) && !(source === 'OBS Object' && field === 'OBS Region'));
		expect(labels.filter((label) => otherSources.includes(label))).toEqual([]);
		if (source === 'OBS Object') await screenshotOf(page(), parametersPane(), shot('node-input-obs.png'));
	});

	describe('credential dialog', () => {
		let dialog: Locator;

		beforeAll(async () => {
			// The dialog takes 80% of the window up to 850 px: a taller window shows more of its fields.
			await page().setViewportSize({ width: 1440, height: 1200 });
			dialog = await openNewCredentialDialog(page(), ndv);
		});

		afterAll(async () => {
			if (!browser) return;
			await discardCredentialDialog(page(), dialog);
			await page().setViewportSize({ width: 1440, height: 900 });
		});

		const common = ['Authentication', 'Region', 'Project ID'];
		const endpoints = ['OCR Endpoint', 'IAM Endpoint'];
		const accountLimits = ['Account Max Requests per Second', 'Account Max Concurrent Requests'];

		it.each([
			{ mode: 'Temporary AK/SK + Security Token', fields: ['Access Key ID', 'Secret Access Key', 'Security Token'] },
			{ mode: 'IAM User Password', fields: ['Account Name', 'IAM User Name', 'Password'], screenshot: 'credential-password.png' },
			{ mode: 'AK/SK', fields: ['Access Key ID', 'Secret Access Key'], screenshot: 'credential-aksk.png' },
		])('asks for $fields with $mode', async ({ mode, fields, screenshot }) => {
			await chooseOption(page(), dialog, 'authType', mode);
			const labels = await visibleCredentialLabels(dialog);
			// n8n adds its own "Allowed HTTP Request Domains" at the end.
			expect(labels.filter((label) => label !== 'Allowed HTTP Request Domains')).toEqual([...common, ...fields, ...endpoints, ...accountLimits]);
			if (screenshot) await screenshotOf(page(), page().getByTestId('editCredential-modal'), shot(screenshot));
		});
	});
});
