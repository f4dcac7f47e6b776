import { toCredentialData } from '../../../nodes/HuaweiCloud/credentialData';
import { chooseProject } from '../../../nodes/HuaweiCloud/projects';
import { checkRequiredFields, classifySignatureFailure, clockSkewMinutes, tokenRequest } from '../../../nodes/HuaweiCloud/session';

const NOW = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
const keys = toCredentialData({ authType: 'accessKey', region: 'cn-north-4', accessKeyId: 'AK', secretAccessKey: 'SK' });
const rejected = { code: 'APIG.0301', message: 'Incorrect IAM authentication information: verify aksk signature fail', httpStatus: 401, requestId: 'r1' };

describe('classifySignatureFailure', () => {
	it('blames the clock when the server Date is more than 15 minutes away', () => {
		const info = classifySignatureFailure(rejected, 'Mon, 01 Jan 2024 12:20:30 GMT', NOW, keys);
		expect(info).toMatchObject({ code: 'CREDENTIAL.CLOCK_SKEW', requestId: 'r1', httpStatus: 401 });
		expect(info.message).toContain('21 minutes off');
	});

	it('blames the keys when the clock is fine', () => {
		expect(classifySignatureFailure(rejected, 'Mon, 01 Jan 2024 12:03:00 GMT', NOW, keys).code).toBe('CREDENTIAL.INVALID_KEYS');
		expect(classifySignatureFailure(rejected, undefined, NOW, keys).code).toBe('CREDENTIAL.INVALID_KEYS');
	});

	it("recognises the gateway's stale X-Sdk-Date wording and expired security tokens", () => {
		expect(classifySignatureFailure({ ...rejected, message: 'x-sdk-date is expired' }, undefined, NOW, keys).code).toBe('CREDENTIAL.CLOCK_SKEW');
		const temp = { ...keys, authType: 'temporaryAccessKey' as const, securityToken: 'T' };
		expect(classifySignatureFailure({ ...rejected, message: 'security token invalid' }, undefined, NOW, temp).code).toBe('CREDENTIAL.SECURITY_TOKEN');
	});

	it('ignores unusable Date headers', () => {
		expect(clockSkewMinutes('not a date', NOW)).toBeUndefined();
		expect(clockSkewMinutes('Mon, 01 Jan 2024 11:45:00 GMT', NOW)).toBe(15);
	});
});

describe('chooseProject', () => {
	it('takes the one project of the region', () => {
		expect(chooseProject('{"projects":[{"id":"p1","name":"cn-north-4"}]}', 'cn-north-4')).toEqual({ ok: true, projectId: 'p1' });
	});

	it('prefers the exactly named project and lists the candidates when ambiguous', () => {
		expect(chooseProject({ projects: [{ id: 'sub', name: 'cn-north-4_sub' }, { id: 'p1', name: 'cn-north-4' }] }, 'cn-north-4')).toEqual({ ok: true, projectId: 'p1' });
		const several = chooseProject({ projects: [{ id: 'p1', name: 'x' }, { id: 'p2', name: 'y' }] }, 'cn-north-4');
		expect(several).toMatchObject({ ok: false, error: { code: 'CREDENTIAL.SEVERAL_PROJECTS', hint: expect.stringContaining('p1 (x), p2 (y)') } });
	});

	it('says what to do when there is none', () => {
		expect(chooseProject({ projects: [] }, 'la-south-2')).toMatchObject({
			ok: false,
			error: { code: 'CREDENTIAL.NO_PROJECT', hint: expect.stringContaining("credential's Project ID field") },
		});
	});
});

describe('credential fields', () => {
	it('names the missing fields', () => {
		expect(() => checkRequiredFields(toCredentialData({ authType: 'password', region: 'cn-north-4', userName: 'u' }))).toThrow(
			/Account Name, Password are empty/,
		);
		expect(() => checkRequiredFields(toCredentialData({ authType: 'temporaryAccessKey', region: 'x', accessKeyId: 'a', secretAccessKey: 'b' }))).toThrow(
			/Security Token is empty/,
		);
	});

	it('scopes the token request to the region project, or to the project ID when given', () => {
		const pw = toCredentialData({ authType: 'password', region: 'ap-southeast-2', userName: 'u', domainName: 'd', password: 'p w' });
		const body = JSON.parse(tokenRequest(pw).body as string);
		expect(body.auth.identity.password.user).toEqual({ name: 'u', password: 'p w', domain: { name: 'd' } });
		expect(body.auth.scope).toEqual({ project: { name: 'ap-southeast-2' } });
		expect(JSON.parse(tokenRequest({ ...pw, projectId: 'pid' }).body as string).auth.scope).toEqual({ project: { id: 'pid' } });
		expect(tokenRequest(pw).url).toBe('https://iam.ap-southeast-2.myhuaweicloud.com/v3/auth/tokens?nocatalog=true');
	});
});
