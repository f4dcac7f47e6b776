import type { HuaweiErrorInfo } from '../../HuaweiCloud/types';

/**
 * `throttle`: the gateway refused the request for rate or concurrency reasons; the whole pool pauses.
 * `transient`: a platform or network hiccup; the item is retried after its own backoff.
 * `permanent`: the request itself, the account or the credentials are wrong; retrying cannot help.
 */
export type FailureClass = 'throttle' | 'transient' | 'permanent';

const THROTTLE_CODES = new Set(['apig.0308', 'modelarts.4401']);

const TRANSIENT_CODES = new Set([
	'apig.0201',
	'modelarts.4301',
	'modelarts.4302',
	'modelarts.4402',
	'modelarts.4403',
	'modelarts.4502',
	'modelarts.4505',
]);

/** Huawei's own code families: a code from these that is not listed above is a business or auth error, whatever its HTTP status. */
const HUAWEI_CODE_FAMILY = /^(ais|modelarts|apig|iam|ocr)\./;

/** Connection failures that no retry can fix: wrong host, bad certificate, cancelled execution. */
const PERMANENT_NETWORK = /ENOTFOUND|CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|INVALID_URL|ABORT|CANCEL/i;

function statusOf(info: HuaweiErrorInfo): number | undefined {
	if (info.httpStatus !== undefined) return info.httpStatus;
	const synthetic = /^HTTP\.(\d{3})$/i.exec(info.code);
	return synthetic ? Number(synthetic[1]) : undefined;
}

export function classifyFailure(info: HuaweiErrorInfo): FailureClass {
	const code = (info.code ?? '').toLowerCase();
	const status = statusOf(info);
	if (THROTTLE_CODES.has(code) || status === 429) return 'throttle';
	if (TRANSIENT_CODES.has(code)) return 'transient';
	if (HUAWEI_CODE_FAMILY.test(code)) return 'permanent';
	if (code.startsWith('network.')) return PERMANENT_NETWORK.test(code) ? 'permanent' : 'transient';
	// Includes RESPONSE.INVALID_JSON: garbled 5xx pages from a proxy are retried, while a garbled
	// 2xx body is not, because Huawei bills every 2xx call and a retry would bill the image twice.
	if (status !== undefined && (status >= 500 || status === 408)) return 'transient';
	return 'permanent';
}
