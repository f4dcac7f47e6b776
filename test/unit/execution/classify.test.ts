import type { HuaweiErrorInfo } from '../../../nodes/HuaweiCloud/types';
import { classifyFailure } from '../../../nodes/HuaweiCloudOcr/execution';

const error = (code: string, httpStatus?: number): HuaweiErrorInfo => ({ code, message: 'x', httpStatus });

describe('classifyFailure', () => {
	it.each([
		['APIG.0308', 429],
		['APIG.0308', 400],
		['apig.0308', undefined],
		['HTTP.429', 429],
		['SOMETHING.ELSE', 429],
		['ModelArts.4401', 429],
	])('treats %s (HTTP %s) as throttling', (code, status) => {
		expect(classifyFailure(error(code, status))).toBe('throttle');
	});

	it.each([
		['APIG.0201', 504],
		['ModelArts.4301', 500],
		['ModelArts.4302', 500],
		['ModelArts.4402', 500],
		['ModelArts.4403', 503],
		['ModelArts.4502', 500],
		['ModelArts.4505', 500],
		['HTTP.500', 500],
		['HTTP.502', 502],
		['HTTP.503', undefined],
		['HTTP.408', 408],
		['NETWORK.ECONNRESET', undefined],
		['NETWORK.ECONNREFUSED', undefined],
		['NETWORK.TIMEOUT', undefined],
		['NETWORK.ETIMEDOUT', undefined],
		['NETWORK.EPIPE', undefined],
		['RESPONSE.INVALID_JSON', 502],
	])('retries %s (HTTP %s) as transient', (code, status) => {
		expect(classifyFailure(error(code, status))).toBe('transient');
	});

	it.each([
		['AIS.0101', 400],
		['AIS.0104', 400],
		['AIS.0105', 500],
		['AIS.0118', 503],
		['ModelArts.4204', 403],
		['ModelArts.4203', 403],
		['ModelArts.4104', 400],
		['ModelArts.4503', 500],
		['ModelArts.4603', 400],
		['APIG.0101', 404],
		['APIG.0301', 401],
		['APIG.0307', 401],
		['HTTP.400', 400],
		['HTTP.404', 404],
		['RESPONSE.INVALID_JSON', 200],
		['NETWORK.ENOTFOUND', undefined],
		['NETWORK.DEPTH_ZERO_SELF_SIGNED_CERT', undefined],
		['NETWORK.ABORTED', undefined],
	])('fails %s (HTTP %s) at once as permanent', (code, status) => {
		expect(classifyFailure(error(code, status))).toBe('permanent');
	});
});
