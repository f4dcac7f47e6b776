import vectors from './fixtures/signing-test-vectors.json';
import {
	canonicalQuery,
	canonicalRequest,
	parseQuery,
	sha256Hex,
	signRequest,
	signature,
	stringToSign,
	uriEncode,
} from '../../../nodes/HuaweiCloud/signer';

interface Vector {
	ak: string;
	sk: string;
	method: string;
	url: string;
	headers_given: Record<string, string>;
	body_exact_bytes?: string;
	canonical_request: string;
	string_to_sign: string;
	expected_authorization: string;
}

const SIGNABLE = ['A_python_sdk_get', 'B_python_sdk_post', 'C_java_sdk_and_signing_guide', 'D_go_sdk_get_no_host', 'E_go_sdk_post_body_with_trailing_newline', 'F_ocr_shaped_example'] as const;

function sdkDateToDate(value: string): Date {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)!;
	return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/** The signed headers the vector's SDK chose: names from its SignedHeaders list, values from the given headers or the URL. */
function vectorSignedHeaders(v: Vector): Record<string, string> {
	const names = /SignedHeaders=([^,]+)/.exec(v.expected_authorization)![1].split(';');
	const given = Object.fromEntries(Object.entries(v.headers_given).map(([k, val]) => [k.toLowerCase(), val]));
	return Object.fromEntries(names.map((name) => [name, name === 'host' ? new URL(v.url).host : given[name]]));
}

describe.each(SIGNABLE)('signing vector %s', (id) => {
	const v = (vectors as unknown as Record<string, Vector>)[id];
	const url = new URL(v.url);
	const body = v.body_exact_bytes ?? '';
	const date = v.headers_given['X-Sdk-Date'];

	it('builds the canonical request byte for byte', () => {
		const canonical = canonicalRequest({
			method: v.method,
			path: url.pathname,
			queryPairs: parseQuery(url.search),
			signedHeaders: vectorSignedHeaders(v),
			payloadHash: sha256Hex(body),
		});
		expect(canonical).toBe(v.canonical_request);
		expect(stringToSign(date, canonical)).toBe(v.string_to_sign);
		const authorization = `SDK-HMAC-SHA256 Access=${v.ak}, SignedHeaders=${Object.keys(vectorSignedHeaders(v)).sort().join(';')}, Signature=${signature(v.sk, v.string_to_sign)}`;
		expect(authorization).toBe(v.expected_authorization);
	});
});

describe('signRequest (always signs host and x-sdk-date)', () => {
	it.each(['A_python_sdk_get', 'B_python_sdk_post', 'C_java_sdk_and_signing_guide', 'F_ocr_shaped_example'] as const)(
		'reproduces vector %s end to end',
		(id) => {
			const v = (vectors as unknown as Record<string, Vector>)[id];
			const headers = Object.fromEntries(
				Object.entries(v.headers_given).filter(([name]) => !name.includes('_') && name !== 'X-Sdk-Date'),
			);
			const signed = signRequest({
				method: v.method,
				url: v.url,
				headers,
				body: v.body_exact_bytes ?? '',
				accessKeyId: v.ak,
				secretAccessKey: v.sk,
				date: sdkDateToDate(v.headers_given['X-Sdk-Date']),
			});
			expect(signed.Authorization).toBe(v.expected_authorization);
			expect(signed['X-Sdk-Date']).toBe(v.headers_given['X-Sdk-Date']);
		},
	);

	it('adds and signs X-Security-Token, drops a stale Authorization and trims values', () => {
		const signed = signRequest({
			method: 'POST',
			url: 'https://ocr.ap-southeast-1.myhuaweicloud.com:8443/v2/p/ocr/general-text',
			headers: { 'Content-Type': '  application/json ', authorization: 'old', 'X-Sdk-Date': 'old' },
			body: '{}',
			accessKeyId: 'AK',
			secretAccessKey: 'SK',
			securityToken: 'TOKEN',
			date: new Date(Date.UTC(2024, 0, 1)),
		});
		expect(signed).toEqual({
			'Content-Type': 'application/json',
			'X-Sdk-Date': '20240101T000000Z',
			'X-Security-Token': 'TOKEN',
			Authorization: expect.stringMatching(/^SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/),
		});
		const canonical = canonicalRequest({
			method: 'POST',
			path: '/v2/p/ocr/general-text',
			queryPairs: [],
			signedHeaders: { 'content-type': 'application/json', host: 'ocr.ap-southeast-1.myhuaweicloud.com:8443', 'x-sdk-date': '20240101T000000Z', 'x-security-token': 'TOKEN' },
			payloadHash: sha256Hex('{}'),
		});
		expect(signed.Authorization.endsWith(signature('SK', stringToSign('20240101T000000Z', canonical)))).toBe(true);
	});
});

describe('canonical building blocks', () => {
	it('encodes the query like vector G (sorted keys, repeated keys, RFC 3986 incl. ! \' ( ) *)', () => {
		const g = vectors.G_canonical_query_string;
		const pairs: Array<[string, string]> = [];
		for (const [key, value] of g.input_pairs as Array<[string, unknown]>) {
			for (const item of Array.isArray(value) ? value : [value]) pairs.push([key, String(item)]);
		}
		expect(canonicalQuery(pairs)).toBe(g.expected);
	});

	it("encodes every reserved character, including ! ' ( ) *", () => {
		expect(uriEncode("a-_.~!'()* /é")).toBe('a-_.~%21%27%28%29%2A%20%2F%C3%A9');
	});

	it('always ends the canonical URI with a slash and re-encodes decoded segments once', () => {
		const canonical = canonicalRequest({ method: 'get', path: '/a%20b/%E4%B8%80', queryPairs: [], signedHeaders: { 'x-sdk-date': 'd' }, payloadHash: 'h' });
		expect(canonical.split('\n')[1]).toBe('/a%20b/%E4%B8%80/');
		expect(canonical.split('\n')[0]).toBe('GET');
	});

	it('parses repeated keys, empty values and + as space', () => {
		expect(parseQuery('?b=2&a=1&b=1&flag&x=a+b%2B')).toEqual([['b', '2'], ['a', '1'], ['b', '1'], ['flag', ''], ['x', 'a b+']]);
	});
});
