import type { HuaweiCredentialData } from './types';

function fromTemplate(template: string, fallback: string, region: string): string {
	const chosen = template === '' ? fallback : template;
	return chosen.replace(/\{region\}/g, region).replace(/\/+$/, '');
}

/** `https://ocr.{region}.myhuaweicloud.com`, or the credential's override with `{region}` substituted; no trailing slash. */
export function ocrBaseUrl(cred: HuaweiCredentialData, region: string): string {
	return fromTemplate(cred.ocrEndpoint, 'https://ocr.{region}.myhuaweicloud.com', region);
}

/** `https://iam.{region}.myhuaweicloud.com` (regional IAM, reference §8), or the override; no trailing slash. */
export function iamBaseUrl(cred: HuaweiCredentialData, region: string): string {
	return fromTemplate(cred.iamEndpoint, 'https://iam.{region}.myhuaweicloud.com', region);
}
