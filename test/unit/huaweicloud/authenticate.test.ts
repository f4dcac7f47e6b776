import { appendQuery, authenticateRequest, combineUrl } from '../../../nodes/HuaweiCloud/auth';
import { toCredentialData } from '../../../nodes/HuaweiCloud/credentialData';
import { iamBaseUrl, ocrBaseUrl } from '../../../nodes/HuaweiCloud/endpoints';
import { OCR_REGIONS } from '../../../nodes/HuaweiCloud/regions';
import { canonicalRequest, parseQuery, sha256Hex, signature, stringToSign } from '../../../nodes/HuaweiCloud/signer';

const NOW = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));
const keys = toCredentialData({ authType: 'accessKey', region: 'ap-southeast-1', accessKeyId: 'AKEXAMPLE', secretAccessKey: 'SECRETEXAMPLE' });

/** Recomputes the signature from what would go on the wire. */
function expectValidSignature(options: { url?: string; method?: string; headers?: object; body?: unknown }, secret: string) {
	const headers = options.headers as Record<string, string>;
	const auth = headers.Authorization;
	const names = /SignedHeaders=([^,]+)/.exec(auth)![1].split(';');
	const url = new URL(options.url!);
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	const signed = Object.fromEntries(names.map((n) => [n, n === 'host' ? url.host : lower[n]]));
	const canonical = canonicalRequest({
		method: options.method ?? 'GET',
		path: url.pathname,
		queryPairs: parseQuery(url.search),
		signedHeaders: signed,
		payloadHash: sha256Hex((options.body as string | undefined) ?? ''),
	});
	expect(auth).toMatch(new RegExp(`Signature=${signature(secret, stringToSign(lower['x-sdk-date'], canonical))}$`));
}

describe('endpoints and regions', () => {
	it('uses the public endpoints by default and substitutes {region} in overrides', () => {
		expect(ocrBaseUrl(keys, 'ap-southeast-2')).toBe('https://ocr.ap-southeast-2.myhuaweicloud.com');
		expect(iamBaseUrl(keys, 'cn-north-4')).toBe('https://iam.cn-north-4.myhuaweicloud.com');
		const custom = { ...keys, ocrEndpoint: 'https://ocr.{region}.example.eu/', iamEndpoint: 'http://127.0.0.1:9000' };
		expect(ocrBaseUrl(custom, 'eu-west-101')).toBe('https://ocr.eu-west-101.example.eu');
		expect(iamBaseUrl(custom, 'eu-west-101')).toBe('http://127.0.0.1:9000');
	});

	it('offers every OCR region of the reference with a readable name', () => {
		expect(OCR_REGIONS.map((r) => r.id).sort()).toEqual(
			['cn-north-4', 'cn-south-1', 'cn-east-3', 'cn-north-1', 'cn-southwest-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'la-south-2', 'af-south-1', 'la-north-2'].sort(),
		);
		expect(OCR_REGIONS.find((r) => r.id === 'ap-southeast-2')!.name).toBe('AP-Bangkok');
	});

	it('resolves the custom region and keeps temporary security tokens only for temporary keys', () => {
		expect(toCredentialData({ region: 'custom', customRegion: ' eu-west-101 ' }).region).toBe('eu-west-101');
		expect(toCredentialData({ authType: 'accessKey', securityToken: 'x' }).securityToken).toBe('');
		expect(toCredentialData({ authType: 'temporaryAccessKey', securityToken: 'x' }).securityToken).toBe('x');
	});
});

describe('authenticateRequest', () => {
	it('joins baseURL and url like axios and folds qs into the URL with RFC 3986 encoding', () => {
		expect(combineUrl('https://h/base/', '/v3/projects')).toBe('https://h/base/v3/projects');
		expect(combineUrl('https://h', 'https://other/x')).toBe('https://other/x');
		expect(appendQuery('https://h/p?a=1', { name: "a b!'()*", multi: [2, 1] })).toBe('https://h/p?a=1&name=a%20b%21%27%28%29%2A&multi=2&multi=1');
	});

	it('serialises an object body once, sends exactly that string and signs it', () => {
		const out = authenticateRequest(keys, { method: 'POST', baseURL: 'https://ocr.ap-southeast-1.myhuaweicloud.com', url: '/v2/p/ocr/general-text', qs: { x: 'é' }, body: { image: 'AAAA', detect_direction: true } }, NOW);
		expect(out.url).toBe('https://ocr.ap-southeast-1.myhuaweicloud.com/v2/p/ocr/general-text?x=%C3%A9');
		expect(out.qs).toBeUndefined();
		expect(out.baseURL).toBeUndefined();
		expect(out.body).toBe('{"image":"AAAA","detect_direction":true}');
		expect(out.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Sdk-Date': '20240506T070809Z' });
		expect((out.headers as Record<string, string>).Authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=/);
		expectValidSignature(out, 'SECRETEXAMPLE');
	});

	it('signs X-Project-Id when present and X-Security-Token for temporary keys, leaving other headers unsigned', () => {
		const temp = { ...keys, authType: 'temporaryAccessKey' as const, securityToken: 'SECTOKEN' };
		const out = authenticateRequest(temp, { method: 'GET', url: 'http://127.0.0.1:4000/v3/projects?name=ap-southeast-1', headers: { 'X-Project-Id': 'p1', 'User-Agent': 'n8n' }, body: {} }, NOW);
		const headers = out.headers as Record<string, string>;
		expect(headers.Authorization).toContain('SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,');
		expect(headers['X-Security-Token']).toBe('SECTOKEN');
		expect(headers['User-Agent']).toBe('n8n');
		expect(out.body).toBeUndefined();
		expectValidSignature(out, 'SECRETEXAMPLE');
	});

	it('sends the IAM token as X-Auth-Token in password mode, without signing', () => {
		const pw = toCredentialData({ authType: 'password', region: 'cn-north-4', sessionToken: 'TOKEN-1' });
		const out = authenticateRequest(pw, { method: 'POST', url: 'https://h/x', body: { a: 1 } }, NOW);
		expect(out.headers).toEqual({ 'Content-Type': 'application/json', 'X-Auth-Token': 'TOKEN-1' });
		expect(out.body).toBe('{"a":1}');
	});
});
