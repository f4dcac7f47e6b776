import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';
import { startEmulator, type Emulator } from '../../emulator';
import { canonicalQueryString, expectedSignature } from '../../emulator/signature';
import { ocrPath, PNG_400x200_BASE64, sdkCall, sdkSignedHeaders, send, type Json } from './helpers';

const vectors = JSON.parse(
	readFileSync(join(module.path, '../../emulator/spec/samples/signing-test-vectors.json'), 'utf8'),
) as Record<string, Json>;

describe('emulator signature check: the reference vectors', () => {
	const ids = ['A_python_sdk_get', 'B_python_sdk_post', 'C_java_sdk_and_signing_guide', 'D_go_sdk_get_no_host', 'E_go_sdk_post_body_with_trailing_newline', 'F_ocr_shaped_example'];
	it.each(ids)('reproduces vector %s', (id) => {
		const vector = vectors[id];
		const url = new URL(vector.url);
		const signedHeaders = /SignedHeaders=([^,]+)/.exec(vector.expected_authorization)![1].split(';');
		const headers: Record<string, string> = { host: url.host };
		for (const [name, value] of Object.entries(vector.headers_given as Record<string, string>)) headers[name.toLowerCase()] = value;
		const signature = expectedSignature(
			{
				method: vector.method,
				rawPath: url.pathname,
				rawQuery: url.search.slice(1),
				headers,
				signedHeaders,
				body: Buffer.from(vector.body_exact_bytes ?? '', 'utf8'),
			},
			headers['x-sdk-date'],
			vector.sk,
		);
		expect(vector.expected_authorization).toBe(
			`SDK-HMAC-SHA256 Access=${vector.ak}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
		);
	});

	it('builds the canonical query of vector G (sorted, repeated keys, RFC 3986)', () => {
		const raw = 'test=' + encodeURIComponent('一 (&=?!#%.*)') + '&limit=1&multi=3&multi=1&multi=2&enable=true&path=' + encodeURIComponent('/tmp/123');
		expect(canonicalQueryString(raw)).toBe(vectors.G_canonical_query_string.expected);
	});
});

describe('emulator signature check against the official SDK signer', () => {
	let emu: Emulator;
	const path = () => ocrPath(emu.account.projectIds['cn-north-4'], 'general-text');
	const body = { image: PNG_400x200_BASE64, detect_direction: true };

	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(() => emu.stop());
	beforeEach(() => emu.clearLog());

	it('accepts a request signed by @huaweicloud/huaweicloud-sdk-core', async () => {
		const answer = await sdkCall(emu, { path: path(), body, headers: { 'X-Project-Id': emu.account.projectIds['cn-north-4'] } });
		expect(answer.status).toBe(200);
		expect(answer.json.result.direction).not.toBe(-1);
		expect(emu.requests[0].identity).toMatchObject({ type: 'accessKey', accessKeyId: emu.account.accessKeyId });
		expect(emu.requests[0].headers.authorization).toMatch(/SignedHeaders=content-type;host;x-project-id;x-sdk-date,/);
	});

	it('accepts a signed GET with a query (IAM projects)', async () => {
		const answer = await sdkCall(emu, { method: 'GET', path: '/v3/projects', query: { name: 'ap-southeast-1' } });
		expect(answer.status).toBe(200);
		expect(answer.json.projects.map((p: Json) => p.id)).toEqual([emu.account.projectIds['ap-southeast-1']]);
	});

	it('accepts a temporary key with its signed security token', async () => {
		const tmp = emu.account.temporary;
		const answer = await sdkCall(emu, { path: path(), body, accessKeyId: tmp.accessKeyId, secretAccessKey: tmp.secretAccessKey, securityToken: tmp.securityToken });
		expect(answer.status).toBe(200);
		expect(emu.requests[0].identity?.type).toBe('temporaryAccessKey');
	});

	async function expectRejected(headers: Record<string, string>, sentBody: string, reason: string, message = /verify aksk signature fail/) {
		const answer = await send(emu, 'POST', path(), headers, sentBody);
		expect(answer.status).toBe(401);
		expect(answer.json.error_code).toBe('APIG.0301');
		expect(answer.json.error_msg).toMatch(message);
		expect(answer.json.request_id).toBe(answer.headers['x-request-id']);
		expect(emu.requests.at(-1)?.authFailure).toBe(reason);
	}

	it('rejects a flipped body byte', async () => {
		const headers = sdkSignedHeaders(emu, { path: path(), body });
		const text = JSON.stringify(body);
		const oneByteFlipped = text.slice(0, 20) + (text[20] === 'A' ? 'B' : 'A') + text.slice(21);
		expect(oneByteFlipped).not.toBe(text);
		await expectRejected(headers, oneByteFlipped, 'bad-signature');
	});

	it('rejects a wrong secret key', async () => {
		const headers = sdkSignedHeaders(emu, { path: path(), body, secretAccessKey: emu.account.secretAccessKey.slice(1) + 'x' });
		await expectRejected(headers, JSON.stringify(body), 'bad-signature');
	});

	it('rejects an unknown access key', async () => {
		const headers = sdkSignedHeaders(emu, { path: path(), body, accessKeyId: emu.account.accessKeyId.replace(/^EMU/, 'XYZ') });
		await expectRejected(headers, JSON.stringify(body), 'unknown-access-key');
	});

	it('rejects a request whose signed header was dropped', async () => {
		const headers = sdkSignedHeaders(emu, { path: path(), body, headers: { 'X-Project-Id': emu.account.projectIds['cn-north-4'] } });
		delete headers['X-Project-Id'];
		await expectRejected(headers, JSON.stringify(body), 'missing-signed-header');
	});

	it('rejects a signed header whose value changed', async () => {
		const headers = sdkSignedHeaders(emu, { path: path(), body });
		headers['Content-Type'] = 'application/json;charset=UTF-8';
		await expectRejected(headers, JSON.stringify(body), 'bad-signature');
	});

	it('rejects a stale X-Sdk-Date (more than 15 minutes) with a message that names the date', async () => {
		const headers = sdkSignedHeaders(emu, { path: path(), body, date: new Date(Date.now() - 16 * 60 * 1000) });
		await expectRejected(headers, JSON.stringify(body), 'stale-date', /x-sdk-date.*15 minutes/);
		expect(emu.requests.at(-1)?.authFailure).toBe('stale-date');
	});

	it('accepts a date 14 minutes off, and honours the clock offset option', async () => {
		const ok = await sdkCall(emu, { path: path(), body, date: new Date(Date.now() + 14 * 60 * 1000) });
		expect(ok.status).toBe(200);
		emu.setClockOffset(20 * 60 * 1000);
		try {
			const skewed = await sdkCall(emu, { path: path(), body });
			expect(skewed.status).toBe(401);
			expect(Date.parse(skewed.headers.date) - Date.now()).toBeGreaterThan(19 * 60 * 1000);
			expect(emu.requests.at(-1)?.authFailure).toBe('stale-date');
		} finally {
			emu.setClockOffset(0);
		}
	});

	it('rejects a temporary key without its security token', async () => {
		const tmp = emu.account.temporary;
		const headers = sdkSignedHeaders(emu, { path: path(), body, accessKeyId: tmp.accessKeyId, secretAccessKey: tmp.secretAccessKey });
		await expectRejected(headers, JSON.stringify(body), 'missing-security-token', /x-security-token not found/);
	});

	it('rejects a temporary key whose security token is not signed', async () => {
		const tmp = emu.account.temporary;
		const headers = sdkSignedHeaders(emu, { path: path(), body, accessKeyId: tmp.accessKeyId, secretAccessKey: tmp.secretAccessKey });
		headers['X-Security-Token'] = tmp.securityToken;
		await expectRejected(headers, JSON.stringify(body), 'unsigned-security-token');
	});

	it('rejects a temporary key with a wrong security token', async () => {
		const tmp = emu.account.temporary;
		const headers = sdkSignedHeaders(emu, { path: path(), body, accessKeyId: tmp.accessKeyId, secretAccessKey: tmp.secretAccessKey, securityToken: tmp.securityToken + 'x' });
		await expectRejected(headers, JSON.stringify(body), 'bad-security-token', /security token/);
	});

	it('rejects a malformed Authorization header and a request without credentials', async () => {
		const headers = sdkSignedHeaders(emu, { path: path(), body });
		headers.Authorization = headers.Authorization.replace(', SignedHeaders', ',SignedHeaders');
		await expectRejected(headers, JSON.stringify(body), 'malformed-authorization');
		await expectRejected({ 'Content-Type': 'application/json' }, JSON.stringify(body), 'no-credentials', /x-auth-token not found/);
	});
});
