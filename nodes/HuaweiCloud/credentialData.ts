import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { HuaweiAuthType, HuaweiCredentialData } from './types';

const AUTH_TYPES: readonly HuaweiAuthType[] = ['accessKey', 'temporaryAccessKey', 'password'];

function text(raw: ICredentialDataDecryptedObject, key: string): string {
	const value = raw[key];
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Normalises the credential's decrypted fields (trimmed strings, custom region resolved). */
export function toCredentialData(raw: ICredentialDataDecryptedObject): HuaweiCredentialData {
	const authType = AUTH_TYPES.find((type) => type === raw.authType) ?? 'accessKey';
	const region = text(raw, 'region') === 'custom' ? text(raw, 'customRegion') : text(raw, 'region');
	return {
		authType,
		region,
		projectId: text(raw, 'projectId'),
		accessKeyId: text(raw, 'accessKeyId'),
		secretAccessKey: text(raw, 'secretAccessKey'),
		securityToken: authType === 'temporaryAccessKey' ? text(raw, 'securityToken') : '',
		userName: text(raw, 'userName'),
		domainName: text(raw, 'domainName'),
		password: typeof raw.password === 'string' ? raw.password : '',
		ocrEndpoint: text(raw, 'ocrEndpoint'),
		iamEndpoint: text(raw, 'iamEndpoint'),
		sessionToken: text(raw, 'sessionToken'),
	};
}

/** The part of the credential that identifies who signs, without any secret (for cache keys and messages). */
export function identityLabel(cred: HuaweiCredentialData): string {
	return cred.authType === 'password' ? `${cred.userName}@${cred.domainName}` : cred.accessKeyId;
}
