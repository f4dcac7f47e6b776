import { makePng, startEmulator, type Emulator } from '../../emulator';
import { emulatorCredentials } from '../../harness/ocrNode';
import { decodeSessionToken } from '../../../nodes/HuaweiCloud/credentialData';
import { clearProjectCache } from '../../../nodes/HuaweiCloud/iam';
import { clearSessionCaches } from '../../../nodes/HuaweiCloud/session';
import { credentialsHelper, runProbe, testCredential } from './harness';

const PNG_BODY = { image: makePng(120, 60).toString('base64') };
const WRONG_SK = 'wrong-secret-0000000000000000000000000000';
const OTHER_WRONG_SK = 'not-the-secret-000000000000000000000000000';
const seenTexts: string[] = [];

function remember(...values: unknown[]): void {
	for (const value of values) seenTexts.push(typeof value === 'string' ? value : JSON.stringify(value));
}

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => {
	await emu.stop();
});
beforeEach(() => {
	clearSessionCaches();
	clearProjectCache();
	emu.clearLog();
	emu.resetFaults();
	emu.setClockOffset(0);
});

const iamCalls = (path: string) => emu.requests.filter((r) => r.service === 'iam' && r.path === path);
const ocrCalls = () => emu.requests.filter((r) => r.service === 'ocr');

describe('AK/SK through the n8n engine', () => {
	it('signs requests, resolves the project once for many requests, and checks the keys once', async () => {
		const helper = credentialsHelper(emulatorCredentials(emu, 'accessKey'));
		const first = await runProbe(helper, Array.from({ length: 6 }, () => PNG_BODY));
		remember(first.items, first.errorText);
		expect(first.errorText).toBeUndefined();
		expect(first.items).toHaveLength(6);
		for (const item of first.items) {
			expect(item.json).toMatchObject({ projectId: emu.account.projectIds['cn-north-4'], response: { ok: true, status: 200 } });
		}
		expect(iamCalls('/v3/projects')).toHaveLength(1);
		const recognitions = ocrCalls().filter((r) => r.status === 200);
		expect(recognitions).toHaveLength(6);
		for (const call of recognitions) {
			expect(call.identity?.type).toBe('accessKey');
			expect(call.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=.*, SignedHeaders=content-type;host;x-sdk-date, Signature=/);
		}
		// The one-off subscription check is an empty request: rejected with AIS.0101, so never billed.
		expect(ocrCalls().filter((r) => r.status !== 200).map((r) => r.errorCode)).toEqual(['AIS.0101']);
		expect(helper.data.huaweiCloudApi.sessionToken).toBe('access-key-signing');

		emu.clearLog();
		const second = await runProbe(helper, [PNG_BODY, PNG_BODY]);
		expect(second.items.map((i) => (i.json.response as { ok: boolean }).ok)).toEqual([true, true]);
		expect(emu.requests.filter((r) => r.service === 'iam')).toHaveLength(0);
		expect(ocrCalls()).toHaveLength(2);
	});

	it('uses temporary keys with a signed X-Security-Token', async () => {
		const helper = credentialsHelper(emulatorCredentials(emu, 'temporaryAccessKey'));
		const { items, errorText } = await runProbe(helper, [PNG_BODY]);
		expect(errorText).toBeUndefined();
		expect(items[0].json.response).toMatchObject({ ok: true });
		const call = ocrCalls().find((r) => r.status === 200)!;
		expect(call.identity?.type).toBe('temporaryAccessKey');
		expect(call.headers.authorization).toContain('x-security-token');
	});

	it('uses the Project ID field as is, without an IAM lookup for the requests', async () => {
		const projectId = emu.account.projectIds['cn-north-4'];
		const helper = credentialsHelper(emulatorCredentials(emu, 'accessKey', { projectId }));
		const { items } = await runProbe(helper, [PNG_BODY, PNG_BODY, PNG_BODY]);
		expect(items.map((i) => i.json.projectId)).toEqual([projectId, projectId, projectId]);
		// The one IAM call is the credential's one-off key check, not a project lookup per request.
		expect(iamCalls('/v3/projects')).toHaveLength(1);
	});

	it('returns Huawei errors as data (never throws) and explains wrong keys', async () => {
		const helper = credentialsHelper(emulatorCredentials(emu, 'accessKey', { projectId: emu.account.projectIds['cn-north-4'], secretAccessKey: WRONG_SK }));
		const { items, errorText } = await runProbe(helper, [PNG_BODY]);
		remember(items, errorText);
		expect(errorText).toBeUndefined();
		expect(items[0].json.response).toMatchObject({ ok: false, error: { code: 'CREDENTIAL.INVALID_KEYS', message: expect.stringContaining('rejected the access key signature') } });
	});
});

describe('transport failures come back as data', () => {
	const projectId = () => emu.account.projectIds['cn-north-4'];

	it.each([
		['reset', 'NETWORK.ECONNRESET'],
		['malformedJson', 'RESPONSE.INVALID_JSON'],
		['http502Plain', 'HTTP.502'],
		['throttle', 'APIG.0308'],
	] as const)('%s → %s, with the request id when Huawei sent one', async (fault, code) => {
		const helper = credentialsHelper(emulatorCredentials(emu, 'accessKey', { projectId: projectId() }));
		await runProbe(helper, [PNG_BODY]);
		emu.failNext(fault, 1, { service: 'ocr' });
		const { items, errorText } = await runProbe(helper, [PNG_BODY]);
		remember(items, errorText);
		expect(errorText).toBeUndefined();
		const response = items[0].json.response as { ok: boolean; error: { code: string; requestId?: string } };
		expect(response).toMatchObject({ ok: false, error: { code } });
		const logged = emu.requests[emu.requests.length - 1];
		if (code.startsWith('APIG') || code.startsWith('RESPONSE')) expect(response.error.requestId).toBe(logged.requestId);
	});

	it('honours timeoutMs', async () => {
		const helper = credentialsHelper(emulatorCredentials(emu, 'accessKey', { projectId: projectId() }));
		await runProbe(helper, [PNG_BODY]);
		emu.failNext('hang', 1, { service: 'ocr' });
		const { items } = await runProbe(helper, [PNG_BODY], 'general-text', 300);
		expect(items[0].json.response).toMatchObject({ ok: false, error: { code: 'NETWORK.TIMEOUT' } });
	});
});

describe('IAM user password through the n8n engine', () => {
	it('gets one token for 10 concurrent first requests and uses its project', async () => {
		const helper = credentialsHelper(emulatorCredentials(emu, 'password'));
		const { items, errorText } = await runProbe(helper, Array.from({ length: 10 }, () => PNG_BODY));
		remember(items, errorText);
		expect(errorText).toBeUndefined();
		expect(items.every((i) => (i.json.response as { ok: boolean }).ok)).toBe(true);
		expect(iamCalls('/v3/auth/tokens')).toHaveLength(1);
		expect(iamCalls('/v3/projects')).toHaveLength(0);
		// The hidden field keeps the token with the project it is scoped to (no IAM list call after a restart).
		const { token, projectId } = decodeSessionToken(helper.data.huaweiCloudApi.sessionToken as string);
		expect(token).not.toBe('');
		expect(projectId).toBe(emu.account.projectIds['cn-north-4']);
		for (const call of ocrCalls().filter((r) => r.status === 200)) expect(call.headers['x-auth-token']).toBe(token);
	});

	it('refreshes an expired token once for all requests and retries each request once', async () => {
		const helper = credentialsHelper(emulatorCredentials(emu, 'password'));
		await runProbe(helper, [PNG_BODY]);
		const oldToken = helper.data.huaweiCloudApi.sessionToken;
		emu.expireTokens();
		emu.clearLog();

		const { items, errorText } = await runProbe(helper, Array.from({ length: 5 }, () => PNG_BODY));
		remember(items, errorText);
		expect(errorText).toBeUndefined();
		expect(items.every((i) => (i.json.response as { ok: boolean }).ok)).toBe(true);
		expect(iamCalls('/v3/auth/tokens')).toHaveLength(1);
		const recognitions = ocrCalls().filter((r) => r.bodyBytes > 2); // the one-off subscription check sends {}
		expect(recognitions.filter((r) => r.errorCode === 'APIG.0307')).toHaveLength(5);
		expect(recognitions.filter((r) => r.status === 200)).toHaveLength(5);
		expect(helper.data.huaweiCloudApi.sessionToken).not.toBe(oldToken);
	});
});

describe('credential test (as n8n CredentialsTester runs it)', () => {
	it.each(['accessKey', 'temporaryAccessKey', 'password'] as const)('reports a working %s setup', async (authType) => {
		const result = await testCredential(emulatorCredentials(emu, authType));
		expect({ status: result.status, message: result.message }).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('tells wrong keys', async () => {
		const result = await testCredential(emulatorCredentials(emu, 'accessKey', { secretAccessKey: OTHER_WRONG_SK }));
		remember(result.message);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the access key signature .*APIG\.0301.*Check the Access Key ID and Secret Access Key/);
	});

	it('tells a clock more than 15 minutes off', async () => {
		emu.setClockOffset(20 * 60 * 1000);
		const result = await testCredential(emulatorCredentials(emu, 'accessKey'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/clock is .* minutes off.*synchronise the clock/);
	});

	it('tells a wrong password', async () => {
		const result = await testCredential(emulatorCredentials(emu, 'password', { password: 'Wrong-Password-1!' }));
		remember(result.message);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/IAM rejected the sign-in of .*Check Account Name/);
	});

	it.each(['accessKey', 'temporaryAccessKey'] as const)('passes for a least-privilege %s user with Project ID filled, when OCR answers (IAM project list forbidden)', async (authType) => {
		emu.setFaults({ projectListForbidden: true });
		const result = await testCredential(emulatorCredentials(emu, authType, { projectId: emu.account.projectIds['cn-north-4'] }));
		expect({ status: result.status, message: result.message }).toEqual({ status: 'OK', message: 'Connection successful!' });
		// OCR answered the unbilled subscription check for that project.
		expect(ocrCalls().filter((r) => r.projectId === emu.account.projectIds['cn-north-4']).map((r) => r.errorCode)).toContain('AIS.0101');
	});

	it('still says to fill in Project ID for a least-privilege user without it', async () => {
		emu.setFaults({ projectListForbidden: true });
		const result = await testCredential(emulatorCredentials(emu, 'accessKey'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/may not list projects.*Project ID field/);
	});

	it('tells OCR not subscribed in the region, without a billed call', async () => {
		emu.setFaults({ notSubscribed: [{ operation: 'general-text', region: 'cn-north-4' }] });
		const result = await testCredential(emulatorCredentials(emu, 'accessKey'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/General Text OCR is not enabled in region cn-north-4.*Enable the General Text API in region cn-north-4 in the OCR console/);
		expect(ocrCalls().filter((r) => r.status === 200)).toHaveLength(0);
	});
});

describe('credential test with unusual projects', () => {
	it('tells no project in that region', async () => {
		const empty = await startEmulator({ projects: { 'cn-north-4': [] } });
		try {
			const result = await testCredential(emulatorCredentials(empty, 'accessKey'));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/no project named "cn-north-4".*Project ID field/);
		} finally {
			await empty.stop();
		}
	});

	it('lists the candidates when several projects match', async () => {
		const ids = ['a'.repeat(32), 'b'.repeat(32)];
		const several = await startEmulator({ projects: { 'cn-north-4': ids.map((id) => ({ id })) } });
		try {
			const result = await testCredential(emulatorCredentials(several, 'accessKey'));
			expect(result.status).toBe('Error');
			expect(result.message).toContain(`${ids[0]} (cn-north-4), ${ids[1]} (cn-north-4)`);
			const probe = await runProbe(credentialsHelper(emulatorCredentials(several, 'accessKey')), [PNG_BODY]);
			remember(probe.errorText);
			expect(probe.errorText).toMatch(/2 projects for region "cn-north-4".*Project ID field/);
		} finally {
			await several.stop();
		}
	});
});

describe('secrets', () => {
	it('never appear in any output or error text above', () => {
		const account = emu.account;
		const secrets = [account.secretAccessKey, account.password, account.temporary.secretAccessKey, account.temporary.securityToken];
		const issuedTokens = emu.requests.map((r) => r.headers['x-auth-token']).filter(Boolean);
		expect(seenTexts.length).toBeGreaterThan(8);
		const all = seenTexts.join('\n');
		for (const secret of [...secrets, ...issuedTokens, OTHER_WRONG_SK, WRONG_SK, 'Wrong-Password-1!']) {
			expect(all).not.toContain(secret);
		}
	});
});
