import errorSamples from './fixtures/error-samples.json';
import { HuaweiCredentialError, parseHuaweiError, retryAfterOf } from '../../../nodes/HuaweiCloud/errors';
import { hintFor } from '../../../nodes/HuaweiCloud/hints';
import { errorInfoFromThrown } from '../../../nodes/HuaweiCloud/responses';
import { interpretResponse } from '../../../nodes/HuaweiCloud/transport';

describe('parseHuaweiError', () => {
	it.each(errorSamples.examples.map((e) => [e.name, e] as const))('reads the documented sample "%s"', (_name, sample) => {
		const body = sample.body as Record<string, unknown>;
		const inner = (body.result ?? body) as Record<string, string>;
		const info = parseHuaweiError(JSON.stringify(body), { 'X-Request-Id': 'req-1' }, sample.http_status ?? 400);
		expect(info.code).toBe(inner.error_code);
		expect(info.message).toBe(inner.error_msg);
		expect(info.requestId).toBe('req-1');
	});

	it('reads errorCode/errorMsg, IAM error.code/message, and code/message', () => {
		expect(parseHuaweiError({ errorCode: 'X.1', errorMsg: 'camel' }, {}, 400)).toMatchObject({ code: 'X.1', message: 'camel' });
		expect(parseHuaweiError({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } }, {}, 401)).toMatchObject({
			code: 'IAM.401',
			message: 'The username or password is wrong.',
			httpStatus: 401,
		});
		expect(parseHuaweiError({ error: { code: 'IAM.0001', message: 'nested' } }, {}, 400)).toMatchObject({ code: 'IAM.0001', message: 'nested' });
		expect(parseHuaweiError({ code: 'APIG.0101', message: 'plain' }, {}, 404)).toMatchObject({ code: 'APIG.0101', message: 'plain' });
	});

	it('keeps the body request_id when there is no X-Request-Id header, and the header wins otherwise', () => {
		const body = { error_code: 'APIG.0101', error_msg: 'x', request_id: 'body-id' };
		expect(parseHuaweiError(body, {}, 404).requestId).toBe('body-id');
		expect(parseHuaweiError(body, { 'x-request-id': ['header-id'] }, 404).requestId).toBe('header-id');
	});

	it('falls back to HTTP.<status> for bodies without a Huawei code', () => {
		expect(parseHuaweiError('<html>502 Bad Gateway</html>', {}, 502)).toMatchObject({ code: 'HTTP.502', httpStatus: 502 });
	});
});

describe('interpretResponse', () => {
	it('returns the parsed body and request id on 2xx', () => {
		expect(interpretResponse(200, { 'x-request-id': 'r' }, '{"result":{"words_block_count":0}}')).toEqual({
			ok: true,
			status: 200,
			body: { result: { words_block_count: 0 } },
			requestId: 'r',
		});
	});

	it('reports an error wrapped in result even with status 200', () => {
		const res = interpretResponse(200, {}, '{"result":{"error_code":"AIS.0103","error_msg":"size"}}');
		expect(res).toEqual({ ok: false, error: { code: 'AIS.0103', message: 'size', httpStatus: 200 } });
	});

	it('reports malformed JSON as RESPONSE.INVALID_JSON with the request id', () => {
		expect(interpretResponse(200, { 'X-Request-Id': 'r2' }, '{"result": ')).toEqual({
			ok: false,
			error: { code: 'RESPONSE.INVALID_JSON', message: expect.stringContaining('not a JSON object'), httpStatus: 200, requestId: 'r2' },
		});
	});
});

describe('errorInfoFromThrown', () => {
	const axiosLike = (extra: Record<string, unknown>) => Object.assign(new Error('axios'), extra);

	it('reads the Huawei body of an HTTP error wrapped in a NodeApiError-like cause chain', () => {
		const error = { message: 'wrapped', cause: axiosLike({ response: { status: 403, headers: { 'x-request-id': 'q' }, data: '{"error_code":"ModelArts.4204","error_msg":"not subscribed"}' } }) };
		expect(errorInfoFromThrown(error)).toEqual({ code: 'ModelArts.4204', message: 'not subscribed', httpStatus: 403, requestId: 'q' });
	});

	it.each([
		[{ code: 'ECONNRESET' }, 'NETWORK.ECONNRESET'],
		[{ code: 'ECONNREFUSED' }, 'NETWORK.ECONNREFUSED'],
		[{ code: 'ETIMEDOUT' }, 'NETWORK.TIMEOUT'],
		[{ code: 'ECONNABORTED', message: 'timeout of 50ms exceeded' }, 'NETWORK.TIMEOUT'],
		[{ code: 'ECONNABORTED', message: 'aborted' }, 'NETWORK.ECONNABORTED'],
	])('maps %j to %s', (extra, code) => {
		expect(errorInfoFromThrown({ message: 'x', cause: axiosLike(extra) }).code).toBe(code);
	});

	it('falls back to the HTTP status of an n8n 1.x NodeApiError, which keeps neither cause nor response', () => {
		// n8n-workflow 1.x: `cause` and `errorResponse` end up undefined, only httpCode and a status message remain.
		const error = Object.assign(new Error('The service is receiving too many requests from you'), {
			cause: undefined,
			errorResponse: undefined,
			httpCode: '429',
			description: 'Request failed with status code 429',
		});
		expect(errorInfoFromThrown(error)).toEqual({ code: 'HTTP.429', message: 'Huawei Cloud answered with HTTP 429', httpStatus: 429 });
	});

	it("keeps the credential checks' own structured error", () => {
		const info = { code: 'CREDENTIAL.CLOCK_SKEW', message: 'clock', hint: 'fix it' };
		expect(errorInfoFromThrown({ message: 'wrapped', cause: new HuaweiCredentialError(info) })).toEqual(info);
	});
});

describe('hintFor', () => {
	it('names the API and the region for ModelArts.4204', () => {
		expect(hintFor({ code: 'ModelArts.4204', message: '' }, { operationName: 'Passport', region: 'ap-southeast-2' })).toMatch(
			/Enable the Passport API in region ap-southeast-2 in the OCR console/,
		);
	});

	it('tells keys-or-clock for signature failures, token refresh for token wording', () => {
		expect(hintFor({ code: 'APIG.0301', message: 'Incorrect IAM authentication information: verify aksk signature fail' }, { authType: 'accessKey' })).toMatch(
			/Secret Access Key.*15 minutes/,
		);
		expect(hintFor({ code: 'APIG.0303', message: '' })).toMatch(/15 minutes/);
		expect(hintFor({ code: 'APIG.0301', message: 'Incorrect IAM authentication information: decrypt token fail' }, { authType: 'password' })).toMatch(/new IAM token/);
		expect(hintFor({ code: 'APIG.0307', message: '' })).toMatch(/token expired/);
	});

	it.each(['APIG.0308', 'APIG.0101', 'APIG.0201', 'ModelArts.4702', 'ModelArts.4703', 'ModelArts.4704', 'ModelArts.4705', 'ModelArts.4706', 'AIS.0101', 'AIS.0102', 'AIS.0103', 'AIS.0104', 'AIS.0105', 'ModelArts.4104', 'ModelArts.4603', 'ModelArts.0212', 'ModelArts.4203'])(
		'has a fix for %s',
		(code) => {
			const hint = hintFor({ code, message: '' }, { region: 'cn-north-4' });
			expect(hint).toMatch(/\.$/);
			expect(hint!.length).toBeGreaterThan(30);
		},
	);

	it('mentions OBS authorization and the same region for ModelArts.4702', () => {
		expect(hintFor({ code: 'ModelArts.4702', message: '' }, { region: 'cn-north-4' })).toMatch(/OBS Authorization.*same region/);
	});

	it('covers network failures and 5xx without a Huawei code', () => {
		expect(hintFor({ code: 'NETWORK.ECONNRESET', message: '' })).toMatch(/network/);
		expect(hintFor({ code: 'HTTP.503', message: '', httpStatus: 503 })).toMatch(/retry later/);
		expect(hintFor({ code: 'HTTP.418', message: '', httpStatus: 418 })).toBeUndefined();
	});
});

describe('Retry-After', () => {
	it('is read from delay-seconds and from an HTTP date', () => {
		expect(parseHuaweiError({ error_code: 'APIG.0308', error_msg: 'throttled' }, { 'retry-after': '3' }, 429).retryAfterMs).toBe(3000);
		expect(retryAfterOf('Mon, 23 Nov 2026 20:00:05 GMT', Date.parse('Mon, 23 Nov 2026 20:00:00 GMT'))).toBe(5000);
		expect(retryAfterOf('soon')).toBeUndefined();
		expect(parseHuaweiError({ error_code: 'APIG.0308', error_msg: 'throttled' }, {}, 429).retryAfterMs).toBeUndefined();
	});
});
