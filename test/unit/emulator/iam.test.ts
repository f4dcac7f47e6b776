import { makeAccount, startEmulator, type Emulator } from '../../emulator';
import { ocrPath, passwordToken, PNG_400x200_BASE64, sdkCall, send, type Json } from './helpers';

const jsonHeaders = (token: string) => ({ 'Content-Type': 'application/json', 'X-Auth-Token': token });

describe('emulator IAM', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator({
			projects: { 'la-north-2': [], 'af-south-1': [{ id: 'a'.repeat(32) }, { id: 'b'.repeat(32) }] },
			tokenLifetimeMs: 60 * 60 * 1000,
		});
	});
	afterAll(() => emu.stop());
	beforeEach(() => emu.clearLog());

	it('issues a project-scoped token by project name: 201, X-Subject-Token, expiry, project id', async () => {
		const answer = await passwordToken(emu);
		expect(answer.status).toBe(201);
		expect(answer.headers['x-subject-token']).toMatch(/^MII/);
		expect(answer.json.token.project).toMatchObject({ id: emu.account.projectIds['cn-north-4'], name: 'cn-north-4' });
		const lifetime = Date.parse(answer.json.token.expires_at) - Date.parse(answer.json.token.issued_at);
		expect(lifetime).toBe(60 * 60 * 1000);
		expect(answer.json.token.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
		expect(answer.json.token.catalog).toBeUndefined();
		expect(answer.text).not.toContain(emu.account.password);
	});

	it('issues a token scoped by project id', async () => {
		const answer = await passwordToken(emu, { project: { id: emu.account.projectIds['ap-southeast-1'] } });
		expect(answer.status).toBe(201);
		expect(answer.json.token.project.name).toBe('ap-southeast-1');
	});

	it.each([
		['password', { password: 'wrong' }],
		['user', { name: 'nobody' }],
		['domain', { domain: { name: 'no-such-domain' } }],
	])('answers a wrong %s with 401 and IAM’s error body', async (_label, override) => {
		const user = { name: emu.account.userName, password: emu.account.password, domain: { name: emu.account.domainName }, ...override };
		const body = { auth: { identity: { methods: ['password'], password: { user } }, scope: { project: { name: 'cn-north-4' } } } };
		const answer = await send(emu, 'POST', '/v3/auth/tokens', { 'Content-Type': 'application/json' }, JSON.stringify(body));
		expect(answer.status).toBe(401);
		expect(answer.json).toEqual({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } });
		expect(answer.headers['x-subject-token']).toBeUndefined();
	});

	it('refuses to scope to a project the account does not have', async () => {
		const answer = await passwordToken(emu, { project: { name: 'la-north-2' } });
		expect(answer.status).toBe(400);
		expect(answer.json.error.message).toMatch(/project/);
	});

	it('lets OCR accept a valid token, and answers APIG.0307 once the token expired', async () => {
		const token = (await passwordToken(emu)).headers['x-subject-token'];
		const path = ocrPath(emu.account.projectIds['cn-north-4'], 'general-text');
		const body = JSON.stringify({ image: PNG_400x200_BASE64 });
		const ok = await send(emu, 'POST', path, jsonHeaders(token), body);
		expect(ok.status).toBe(200);
		expect(emu.requests.at(-1)?.identity).toMatchObject({ type: 'token', tokenProjectId: emu.account.projectIds['cn-north-4'] });
		emu.expireTokens();
		const expired = await send(emu, 'POST', path, jsonHeaders(token), body);
		expect(expired.status).toBe(401);
		expect(expired.json.error_code).toBe('APIG.0307');
		expect(emu.requests.at(-1)?.authFailure).toBe('token-expired');
		const fresh = (await passwordToken(emu)).headers['x-subject-token'];
		expect((await send(emu, 'POST', path, jsonHeaders(fresh), body)).status).toBe(200);
	});

	it('expires tokens after their lifetime on the emulator clock', async () => {
		const token = (await passwordToken(emu)).headers['x-subject-token'];
		const path = ocrPath(emu.account.projectIds['cn-north-4'], 'general-text');
		emu.setClockOffset(61 * 60 * 1000);
		try {
			const answer = await send(emu, 'POST', path, jsonHeaders(token), JSON.stringify({ image: PNG_400x200_BASE64 }));
			expect(answer.json.error_code).toBe('APIG.0307');
		} finally {
			emu.setClockOffset(0);
		}
	});

	it('rejects an unknown token with APIG.0301 and a domain-scoped token with ModelArts.0212', async () => {
		const path = ocrPath(emu.account.projectIds['cn-north-4'], 'general-text');
		const body = JSON.stringify({ image: PNG_400x200_BASE64 });
		const unknown = await send(emu, 'POST', path, jsonHeaders('MIIbogus'), body);
		expect([unknown.status, unknown.json.error_code, unknown.json.error_msg]).toEqual([401, 'APIG.0301', 'Incorrect IAM authentication information: decrypt token fail']);
		const domainToken = (await passwordToken(emu, { domain: { name: emu.account.domainName } })).headers['x-subject-token'];
		const scoped = await send(emu, 'POST', path, jsonHeaders(domainToken), body);
		expect(scoped.json.error_code).toBe('ModelArts.0212');
	});

	it('rejects a token used on another project (APIG.0307)', async () => {
		const token = (await passwordToken(emu)).headers['x-subject-token'];
		const other = ocrPath(emu.account.projectIds['ap-southeast-1'], 'general-text');
		const answer = await send(emu, 'POST', other, jsonHeaders(token), JSON.stringify({ image: PNG_400x200_BASE64 }));
		expect(answer.json.error_code).toBe('APIG.0307');
		expect(emu.requests.at(-1)?.authFailure).toBe('token-for-other-project');
	});

	it('lists projects by name for a signed request and for a token', async () => {
		const signed = await sdkCall(emu, { method: 'GET', path: '/v3/projects', query: { name: 'cn-east-3' } });
		expect(signed.status).toBe(200);
		expect(signed.json.projects).toHaveLength(1);
		expect(signed.json.projects[0]).toMatchObject({ id: emu.account.projectIds['cn-east-3'], name: 'cn-east-3', domain_id: emu.account.domainId, enabled: true });
		expect(signed.json.links).toBeDefined();
		const token = (await passwordToken(emu)).headers['x-subject-token'];
		const viaToken = await send(emu, 'GET', '/v3/projects?name=cn-east-3', { 'X-Auth-Token': token });
		expect(viaToken.json.projects[0].id).toBe(emu.account.projectIds['cn-east-3']);
	});

	it('answers zero and two projects for the configured regions', async () => {
		const none = await sdkCall(emu, { method: 'GET', path: '/v3/projects', query: { name: 'la-north-2' } });
		expect(none.json.projects).toEqual([]);
		const two = await sdkCall(emu, { method: 'GET', path: '/v3/projects', query: { name: 'af-south-1' } });
		expect(two.json.projects.map((p: Json) => p.id)).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
	});

	it('requires authentication for the project list', async () => {
		const answer = await send(emu, 'GET', '/v3/projects?name=cn-north-4', {});
		expect(answer.status).toBe(401);
		expect(answer.json.error_code).toBe('APIG.0301');
	});

	it('keeps accounts apart: another account’s key sees only its own projects', async () => {
		const other = makeAccount('second-account');
		const multi = await startEmulator({ accounts: [other] });
		try {
			const answer = await sdkCall(multi, {
				method: 'GET',
				path: '/v3/projects',
				query: { name: 'cn-north-4' },
				accessKeyId: other.accessKeyId,
				secretAccessKey: other.secretAccessKey,
			});
			expect(answer.json.projects[0].id).toBe(other.projectIds['cn-north-4']);
			expect(other.projectIds['cn-north-4']).not.toBe(multi.account.projectIds['cn-north-4']);
		} finally {
			await multi.stop();
		}
	});
});
