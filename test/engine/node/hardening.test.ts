/**
 * Issue 10, items 1–4 and 6 through the real engine: credentials go only to the Huawei host they
 * were meant for, least-privilege IAM users work, and one fault has one error code.
 */
import { createServer, type IncomingHttpHeaders, type Server } from '../../nodejs/http.cjs';
import type { AddressInfo } from '../../nodejs/net.cjs';

import { clearProjectCache } from '../../../nodes/HuaweiCloud/iam';
import { clearSessionCaches } from '../../../nodes/HuaweiCloud/session';
import { png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, ocrCredentialsHelper, runOcr, type AuthType } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

const emulatorOf = useEmulator();
const generalText = { resource: 'textAndTables', operation: 'generalText' };
const WRONG_SK = 'wrong-secret-0000000000000000000000000000';

/** Another origin that records whatever reaches it (where a redirect points). */
interface Capture {
	url: string;
	received: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders; bodyBytes: number }>;
}
let capture: Capture;
let captureServer: Server;
/** What the other origin serves: an OCR-like answer (to see it is never accepted), or a file. */
let captureServes: Buffer | undefined;

beforeAll(async () => {
	const received: Capture['received'] = [];
	captureServer = createServer((req, res) => {
		let bodyBytes = 0;
		req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
		req.on('end', () => {
			received.push({ method: req.method, url: req.url, headers: req.headers, bodyBytes });
			if (captureServes) {
				res.writeHead(200, { 'Content-Type': 'image/png' }).end(captureServes);
				return;
			}
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ result: { words_block_count: 1, words_block_list: [{ words: 'FROM ELSEWHERE' }] } }));
		});
	});
	await new Promise<void>((resolve) => captureServer.listen(0, '127.0.0.1', resolve));
	capture = { url: `http://127.0.0.1:${(captureServer.address() as AddressInfo).port}/elsewhere`, received };
});
afterAll(async () => await new Promise((resolve) => captureServer.close(resolve)));
beforeEach(() => {
	clearSessionCaches();
	clearProjectCache();
	capture.received.length = 0;
	captureServes = undefined;
});

const image = async () => await fileItem(png(300, 200), 'scan.png', 'image/png');
const requests = () => emulatorOf().requests;

describe('1. region values are region IDs before any URL is built', () => {
	it('an Options → Region from an expression that is not a region ID fails the item, naming the value, before any request', async () => {
		const { items } = await runOcr({
			parameters: { ...generalText, options: { region: 'evil.example/#' } },
			credentials: emulatorCredentials(emulatorOf(), 'temporaryAccessKey'),
			items: [await image()],
			onError: 'continueRegularOutput',
		});
		expect(items[0].json.error).toMatchObject({
			code: 'INVALID_INPUT',
			message: expect.stringContaining('"evil.example/#"'),
			hint: expect.stringContaining('ap-southeast-3'),
		});
		expect(requests()).toHaveLength(0);
	});

	it("a credential's custom region that is not a region ID fails with a credential error naming it, before any request", async () => {
		const { items } = await runOcr({
			parameters: generalText,
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'custom', customRegion: 'evil.example/#' }),
			items: [await image()],
			onError: 'continueRegularOutput',
		});
		expect(items[0].json.error).toMatchObject({
			code: 'CREDENTIAL.INVALID_REGION',
			message: expect.stringContaining('"evil.example/#"'),
		});
		expect(requests()).toHaveLength(0);
	});
});

describe('2. signed and token-carrying calls never follow redirects', () => {
	it.each<AuthType>(['temporaryAccessKey', 'password'])('an OCR endpoint answering 307 is an error naming the Location host, and nothing reaches it (%s)', async (authType) => {
		const credentials = emulatorCredentials(emulatorOf(), authType);
		const helper = ocrCredentialsHelper(credentials);
		await runOcr({ parameters: generalText, credentials, items: [await image()], credentialsHelper: helper });
		emulatorOf().setFaults({ redirectLocation: capture.url });
		emulatorOf().failNext('redirect', 1, { service: 'ocr', operation: 'general-text' });

		const { items } = await runOcr({ parameters: generalText, credentials, items: [await image()], onError: 'continueRegularOutput', credentialsHelper: helper });

		expect(items[0].json.error).toMatchObject({
			code: 'REQUEST.REDIRECTED',
			message: expect.stringContaining(new URL(capture.url).host),
			httpStatus: 307,
		});
		expect(items[0].json.text).toBeUndefined();
		expect(capture.received).toEqual([]);
	});

	it.each<{ call: string; path: string; secret: string; authType: AuthType }>([
		{ call: 'An IAM token request', path: '/v3/auth/tokens', secret: 'the password', authType: 'password' },
		{ call: 'A project lookup', path: '/v3/projects', secret: 'the signature', authType: 'accessKey' },
	])('$call answered with 307 fails naming the host, and $secret goes nowhere else', async ({ path, authType }) => {
		emulatorOf().setFaults({ redirectLocation: capture.url });
		emulatorOf().failNext('redirect', 1, { service: 'iam', path });
		const { items } = await runOcr({
			parameters: generalText,
			credentials: emulatorCredentials(emulatorOf(), authType),
			items: [await image()],
			onError: 'continueRegularOutput',
		});
		expect(items[0].json.error).toMatchObject({ code: 'REQUEST.REDIRECTED', message: expect.stringContaining(new URL(capture.url).host) });
		expect(capture.received).toEqual([]);
	});
});

describe('2. the "Download in n8n" helper', () => {
	it.each<AuthType>(['temporaryAccessKey', 'password'])('follows a redirect like the HTTP Request node, without any Huawei credential (%s)', async (authType) => {
		const scan = png(220, 110);
		const files = createServer((req, res) => {
			if (req.url === '/moved.png') res.writeHead(302, { Location: capture.url.replace('/elsewhere', '/scan.png') }).end();
			else res.writeHead(404).end();
		});
		await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
		captureServes = scan;
		try {
			const { items } = await runOcr({
				parameters: { ...generalText, inputSource: 'url', url: `http://127.0.0.1:${(files.address() as AddressInfo).port}/moved.png`, options: { downloadUrl: true } },
				credentials: emulatorCredentials(emulatorOf(), authType),
				onError: 'continueRegularOutput',
			});
			expect(items[0].json.error).toBeUndefined();
			expect(capture.received.map((request) => request.url)).toEqual(['/scan.png']);
			const headerNames = Object.keys(capture.received[0].headers);
			for (const name of ['authorization', 'x-auth-token', 'x-security-token', 'x-sdk-date']) expect(headerNames).not.toContain(name);
			const recognition = requests().find((request) => request.operation === 'general-text' && request.status === 200);
			expect(recognition?.body).toEqual({ image: scan.toString('base64') });
		} finally {
			await new Promise((resolve) => files.close(resolve));
		}
	});
});

describe('3. an IAM password credential without Project ID needs no IAM list permission', () => {
	it('after a restart (empty in-process caches, token from the credential store) the token gives the project', async () => {
		const credentials = emulatorCredentials(emulatorOf(), 'password');
		const helper = ocrCredentialsHelper(credentials);
		const first = await runOcr({ parameters: generalText, credentials, items: [await image()], credentialsHelper: helper });
		expect(first.items[0].json.error).toBeUndefined();

		clearSessionCaches();
		clearProjectCache();
		emulatorOf().clearLog();
		emulatorOf().setFaults({ projectListForbidden: true });
		// Another process (restart, queue-mode worker) reads the stored credential.
		const worker = ocrCredentialsHelper(helper.data.huaweiCloudApi);
		const second = await runOcr({ parameters: generalText, credentials, items: [await image(), await image()], onError: 'continueRegularOutput', credentialsHelper: worker });

		expect(second.items.map((item) => item.json.error)).toEqual([undefined, undefined]);
		expect(requests().filter((request) => request.service === 'iam')).toEqual([]);
		const recognitions = requests().filter((request) => request.service === 'ocr' && request.status === 200);
		expect(recognitions.map((request) => request.projectId)).toEqual([emulatorOf().account.projectIds['cn-north-4'], emulatorOf().account.projectIds['cn-north-4']]);
	});
});

describe("4. the credential's Project ID is used for its own region only", () => {
	it('Options → Region of another region uses that region\'s project, looked up', async () => {
		const account = emulatorOf().account;
		const { items } = await runOcr({
			parameters: { ...generalText, options: { region: 'ap-southeast-1' } },
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { projectId: account.projectIds['cn-north-4'] }),
			items: [await image()],
			onError: 'continueRegularOutput',
		});
		expect(items[0].json.error).toBeUndefined();
		const recognition = requests().find((request) => request.operation === 'general-text' && request.status === 200);
		expect(recognition).toMatchObject({ projectId: account.projectIds['ap-southeast-1'], region: 'ap-southeast-1' });
		expect(requests().some((request) => request.service === 'ocr' && request.projectId === account.projectIds['cn-north-4'] && request.bodyBytes > 2)).toBe(false);
	});

	it('when that lookup is forbidden, the error says to create a credential for that region with its Project ID', async () => {
		emulatorOf().setFaults({ projectListForbidden: true });
		const account = emulatorOf().account;
		const { items } = await runOcr({
			parameters: { ...generalText, options: { region: 'ap-southeast-1' } },
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { projectId: account.projectIds['cn-north-4'] }),
			items: [await image()],
			onError: 'continueRegularOutput',
		});
		expect(items[0].json.error).toMatchObject({
			code: 'CREDENTIAL.IAM_FORBIDDEN',
			httpStatus: 403,
			requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
			hint: expect.stringMatching(/create a Huawei Cloud API credential for region ap-southeast-1 with its Project ID/i),
		});
		expect(requests().filter((request) => request.operation === 'general-text' && request.bodyBytes > 2)).toEqual([]);
	});
});

describe('6. the same fault gives the same error code whichever path finds it', () => {
	it.each([
		['accessKey', { secretAccessKey: WRONG_SK }, 'CREDENTIAL.INVALID_KEYS', 401],
		['password', { password: 'Wrong-Password-1!' }, 'CREDENTIAL.INVALID_PASSWORD', 401],
	] as const)('%s with a wrong secret: %s with and without Project ID', async (authType, wrong, code, httpStatus) => {
		const codes = [];
		for (const projectId of ['', emulatorOf().account.projectIds['cn-north-4']]) {
			clearSessionCaches();
			clearProjectCache();
			const { items } = await runOcr({
				parameters: generalText,
				credentials: emulatorCredentials(emulatorOf(), authType, { ...wrong, projectId }),
				items: [await image()],
				onError: 'continueRegularOutput',
			});
			codes.push(items[0].json.error);
		}
		for (const error of codes) {
			expect(error).toMatchObject({ code, httpStatus, requestId: expect.stringMatching(/^[0-9a-f]{32}$/), hint: expect.any(String) });
		}
	});

	it('keys that break after a successful check (stored session) give the same CREDENTIAL.INVALID_KEYS from the OCR call', async () => {
		const credentials = emulatorCredentials(emulatorOf(), 'accessKey');
		const helper = ocrCredentialsHelper(credentials);
		await runOcr({ parameters: generalText, credentials, items: [await image()], credentialsHelper: helper });
		helper.data.huaweiCloudApi.secretAccessKey = WRONG_SK;
		const { items } = await runOcr({ parameters: generalText, credentials, items: [await image()], onError: 'continueRegularOutput', credentialsHelper: helper });
		expect(items[0].json.error).toMatchObject({ code: 'CREDENTIAL.INVALID_KEYS', httpStatus: 401, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
	});
});
