import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { HuaweiAuthType, HuaweiCredentialData } from './types';

const AUTH_TYPES: readonly HuaweiAuthType[] = ['accessKey', 'temporaryAccessKey', 'password'];

function text(raw: ICredentialDataDecryptedObject, key: string): string {
	const value = raw[key];
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * The hidden Session Token field holds the IAM token together with the project it is scoped to, so
 * a restarted n8n or a queue-mode worker knows the project without an IAM list call. A bare value
 * (the access-key marker, or a token stored by an older version) has no project.
 */
export function encodeSessionToken(token: string, projectId: string | undefined): string {
	return projectId ? JSON.stringify({ token, projectId }) : token;
}

export function decodeSessionToken(stored: string): { token: string; projectId: string } {
	if (stored.startsWith('{')) {
		try {
			const parsed = JSON.parse(stored) as { token?: unknown; projectId?: unknown };
			if (typeof parsed.token === 'string') return { token: parsed.token, projectId: typeof parsed.projectId === 'string' ? parsed.projectId : '' };
		} catch {
			// Not ours: treated as a bare token below.
		}
	}
	return { token: stored, projectId: '' };
}

/** Normalises the credential's decrypted fields (trimmed strings, custom region resolved). */
export function toCredentialData(raw: ICredentialDataDecryptedObject): HuaweiCredentialData {
	const authType = AUTH_TYPES.find((type) => type === raw.authType) ?? 'accessKey';
	const region = text(raw, 'region') === 'custom' ? text(raw, 'customRegion') : text(raw, 'region');
	const session = decodeSessionToken(text(raw, 'sessionToken'));
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
		sessionToken: session.token,
		tokenProjectId: session.projectId,
	};
}

function limit(raw: ICredentialDataDecryptedObject, key: string): number {
	const value = Number(raw[key] ?? 0);
	return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * The credential's optional account limits (per n8n process; in queue mode, per worker); 0 = none.
 * Credentials saved before these fields existed have none.
 */
export function readAccountLimits(raw: ICredentialDataDecryptedObject): { maxRequestsPerSecond: number; maxConcurrency: number } {
	return { maxRequestsPerSecond: limit(raw, 'accountMaxRequestsPerSecond'), maxConcurrency: Math.floor(limit(raw, 'accountMaxConcurrency')) };
}

/** The part of the credential that identifies who signs, without any secret (for cache keys and messages). */
export function identityLabel(cred: HuaweiCredentialData): string {
	return cred.authType === 'password' ? `${cred.userName}@${cred.domainName}` : cred.accessKeyId;
}
