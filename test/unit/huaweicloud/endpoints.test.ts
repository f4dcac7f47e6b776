import { toCredentialData } from '../../../nodes/HuaweiCloud/credentialData';
import { iamBaseUrl, ocrBaseUrl } from '../../../nodes/HuaweiCloud/endpoints';
import { HuaweiCredentialError } from '../../../nodes/HuaweiCloud/errors';

const publicEndpoints = toCredentialData({ authType: 'accessKey', region: 'cn-north-4' });

function failureOf(build: () => string): HuaweiCredentialError {
	try {
		build();
	} catch (error) {
		return error as HuaweiCredentialError;
	}
	throw new Error(`Expected an error, got ${build()}`);
}

describe('endpoints are built from region IDs only', () => {
	it('builds the public hosts for region IDs', () => {
		expect(ocrBaseUrl(publicEndpoints, 'ap-southeast-3')).toBe('https://ocr.ap-southeast-3.myhuaweicloud.com');
		expect(iamBaseUrl(publicEndpoints, 'eu-west-101')).toBe('https://iam.eu-west-101.myhuaweicloud.com');
	});

	it.each(['evil.example/#', 'evil.example?', 'cn-north-4.evil.example', 'a@evil.example', 'CN-NORTH-4', 'cn-north-4/', ' cn-north-4', ''])(
		'refuses %j, naming it, for the public endpoint and an override',
		(region) => {
			for (const cred of [publicEndpoints, { ...publicEndpoints, ocrEndpoint: 'https://ocr.{region}.example.internal' }]) {
				const error = failureOf(() => ocrBaseUrl(cred, region));
				expect(error).toBeInstanceOf(HuaweiCredentialError);
				expect(error.huaweiError).toMatchObject({ code: 'CREDENTIAL.INVALID_REGION', message: expect.stringContaining(`"${region}"`) });
			}
		},
	);

	it("keeps the credential's explicit override, with the region substituted", () => {
		const cred = { ...publicEndpoints, ocrEndpoint: 'http://127.0.0.1:8787/', iamEndpoint: 'https://iam-{region}.private.example/' };
		expect(ocrBaseUrl(cred, 'ap-southeast-1')).toBe('http://127.0.0.1:8787');
		expect(iamBaseUrl(cred, 'ap-southeast-1')).toBe('https://iam-ap-southeast-1.private.example');
	});

	it('refuses an override that is not an http(s) URL or carries user info', () => {
		for (const ocrEndpoint of ['ocr.{region}.myhuaweicloud.com', 'file:///etc/{region}', 'https://user:pw@ocr.{region}.example']) {
			expect(failureOf(() => ocrBaseUrl({ ...publicEndpoints, ocrEndpoint }, 'cn-north-4')).huaweiError.code).toBe('CREDENTIAL.INVALID_ENDPOINT');
		}
	});
});
