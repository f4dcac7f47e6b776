import { HuaweiCredentialError } from './errors';
import { REGION_ID_HINT, isRegionId } from './regions';
import { trimEnd } from './text';
import type { HuaweiCredentialData } from './types';

type Service = 'ocr' | 'iam';

function invalid(code: 'CREDENTIAL.INVALID_REGION' | 'CREDENTIAL.INVALID_ENDPOINT', message: string, hint: string): never {
	throw new HuaweiCredentialError({ code, message, hint });
}

/**
 * The base URL of a service in a region: the public `https://{service}.{region}.myhuaweicloud.com`,
 * or the credential's override with `{region}` substituted. Signed requests and tokens go to this
 * URL, so the region must be a region ID and the host must be the one expected.
 */
function serviceBaseUrl(service: Service, override: string, region: string): string {
	if (!isRegionId(region)) {
		invalid('CREDENTIAL.INVALID_REGION', `The region "${region}" is not a region ID, so no ${service.toUpperCase()} endpoint was built for it.`, REGION_ID_HINT);
	}
	const template = override === '' ? `https://${service}.{region}.myhuaweicloud.com` : override;
	const url = trimEnd(template.replace(/\{region\}/g, region), '/');
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return invalid('CREDENTIAL.INVALID_ENDPOINT', `The ${service.toUpperCase()} endpoint "${url}" is not a URL.`, `Fix the ${service.toUpperCase()} Endpoint field of the credential, e.g. https://${service}.{region}.myhuaweicloud.com, or leave it empty.`);
	}
	const expectedHost = override === '' ? `${service}.${region}.myhuaweicloud.com` : parsed.host;
	if (!['https:', 'http:'].includes(parsed.protocol) || parsed.host !== expectedHost || parsed.username !== '' || parsed.password !== '') {
		invalid('CREDENTIAL.INVALID_ENDPOINT', `The ${service.toUpperCase()} endpoint "${url}" is not ${expectedHost}.`, `Fix the region or the ${service.toUpperCase()} Endpoint field of the credential.`);
	}
	return url;
}

/** `https://ocr.{region}.myhuaweicloud.com`, or the credential's override with `{region}` substituted; no trailing slash. */
export function ocrBaseUrl(cred: HuaweiCredentialData, region: string): string {
	return serviceBaseUrl('ocr', cred.ocrEndpoint, region);
}

/** `https://iam.{region}.myhuaweicloud.com` (regional IAM, reference §8), or the override; no trailing slash. */
export function iamBaseUrl(cred: HuaweiCredentialData, region: string): string {
	return serviceBaseUrl('iam', cred.iamEndpoint, region);
}
