/**
 * Property test: for random requests, our signer and the official `@huaweicloud/huaweicloud-sdk-core`
 * AKSKSigner produce the same Authorization header.
 *
 * One adapter, documented: the Node SDK percent-encodes the path segments it is given without
 * decoding them first, so the wire path (`/a%20b`, what axios sends) would be encoded twice
 * (`%2520`); the gateway and the Go and Python SDKs decode each segment and encode it once. The
 * oracle decodes the segments before the SDK's own encoder runs; everything else is the SDK's code.
 */
import fc from 'fast-check';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

import { appendQuery } from '../../../nodes/HuaweiCloud/auth';
import { formatSdkDate, signRequest } from '../../../nodes/HuaweiCloud/signer';

class GatewayPathOracle extends AKSKSigner {
	static CanonicalURI(inputUri: string): string | undefined {
		const decoded = inputUri
			.split('/')
			.map((segment) => decodeURIComponent(segment))
			.join('/');
		return super.CanonicalURI(decoded);
	}
}

const segmentChars = fc.constantFrom(...'abcXYZ019-_.~ !\'()*é一😀+,;=@'.split(/(?:)/u));
const segment = fc
	.array(segmentChars, { minLength: 1, maxLength: 6 })
	.map((chars) => chars.join(''))
	.filter((s) => !/^\.+$/.test(s)); // dot segments are resolved away by every URL parser
const queryChars = fc.constantFrom(...'abz09-_.~ !\'()*&=?#%/一é+'.split(/(?:)/u));
const queryText = fc.array(queryChars, { minLength: 0, maxLength: 6 }).map((chars) => chars.join(''));
const queryKey = fc.array(queryChars, { minLength: 1, maxLength: 5 }).map((chars) => chars.join(''));

const requestArb = fc.record({
	method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
	host: fc.constantFrom('ocr.ap-southeast-1.myhuaweicloud.com', 'iam.cn-north-4.myhuaweicloud.com', '127.0.0.1:38211', 'example.com:8443'),
	segments: fc.array(segment, { minLength: 0, maxLength: 4 }),
	trailingSlash: fc.boolean(),
	query: fc.dictionary(queryKey, fc.oneof(queryText, fc.array(queryText, { minLength: 1, maxLength: 3 })), { maxKeys: 4 }),
	body: fc.option(fc.jsonValue().filter((v) => v !== null && typeof v === 'object' && Object.keys(v).length > 0), { nil: undefined }),
	extraHeaders: fc.dictionary(
		fc.stringMatching(/^x-[a-z0-9][a-z0-9-]{0,10}$/).filter((n) => !['x-sdk-date', 'x-security-token', 'x-sdk-content-sha256'].includes(n)),
		fc.stringMatching(/^[ -~]{1,20}$/).map((v) => v.trim()).filter((v) => v !== ''),
		{ maxKeys: 3 },
	),
	contentType: fc.boolean(),
	projectId: fc.option(fc.stringMatching(/^[0-9a-f]{32}$/), { nil: undefined }),
	securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{10,60}$/), { nil: undefined }),
	accessKeyId: fc.stringMatching(/^[A-Z0-9]{20}$/),
	secretAccessKey: fc.stringMatching(/^[A-Za-z0-9]{40}$/),
	date: fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true }),
});

describe('signer vs the official Node SDK signer', () => {
	it('gives the same Authorization header for 1,500 random requests', () => {
		fc.assert(
			fc.property(requestArb, (r) => {
				const date = new Date(Math.floor(r.date.getTime() / 1000) * 1000);
				const rawPath = `/${r.segments.join('/')}${r.trailingSlash && r.segments.length > 0 ? '/' : ''}`;
				const wirePath = new URL(`https://${r.host}${rawPath.split('/').map(encodeURIComponent).join('/')}`).pathname;
				const url = appendQuery(`https://${r.host}${wirePath}`, r.query);
				const bodyText = r.body === undefined ? '' : JSON.stringify(r.body);

				const headers: Record<string, string> = { ...r.extraHeaders };
				if (r.contentType) headers['content-type'] = 'application/json';
				if (r.projectId) headers['X-Project-Id'] = r.projectId;

				const ours = signRequest({
					method: r.method,
					url,
					headers,
					body: bodyText,
					accessKeyId: r.accessKeyId,
					secretAccessKey: r.secretAccessKey,
					securityToken: r.securityToken,
					date,
				});

				const sdkHeaders: Record<string, string> = { ...headers, 'X-Sdk-Date': formatSdkDate(date) };
				if (r.securityToken) sdkHeaders['X-Security-Token'] = r.securityToken;
				const sdk = GatewayPathOracle.sign(
					{
						endpoint: `https://${r.host}${wirePath}`,
						method: r.method,
						headers: sdkHeaders,
						queryParams: r.query,
						data: r.body,
					} as never,
					{ getAk: () => r.accessKeyId, getSk: () => r.secretAccessKey } as never,
				) as Record<string, string>;

				expect(ours.Authorization).toBe(sdk.Authorization);
			}),
			{ numRuns: 1500 },
		);
	});
});
