/** Who is calling: verifies an AK/SK signature or an IAM token, like the API gateway in front of OCR and IAM. */
import type { AccountRegistry } from './account';
import { errors } from './errors';
import {
	expectedSignature,
	parseAuthorization,
	parseSdkDate,
	signaturesEqual,
	type SignedRequestParts,
} from './signature';
import type { IssuedToken, TokenStore } from './tokens';
import type { AuthIdentity, EmulatorAccount } from './types';

/** APIG's documented clock window for X-Sdk-Date. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface AuthRequest {
	method: string;
	rawPath: string;
	rawQuery: string;
	headers: Record<string, string | undefined>;
	body: Buffer;
}

export interface AuthResult {
	identity: AuthIdentity;
	account: EmulatorAccount;
	token?: IssuedToken;
}

export function authenticate(req: AuthRequest, registry: AccountRegistry, tokens: TokenStore, now: number): AuthResult {
	const authorization = req.headers.authorization;
	if (authorization !== undefined) return verifySignature(req, authorization, registry, now);
	const token = req.headers['x-auth-token'];
	if (token !== undefined) return verifyToken(token, tokens, now);
	throw errors.auth('x-auth-token not found', 'no-credentials');
}

function verifyToken(token: string, tokens: TokenStore, now: number): AuthResult {
	const issued = tokens.get(token.trim());
	if (!issued) throw errors.auth('decrypt token fail', 'unknown-token');
	if (issued.expiresAt <= now) throw errors.tokenMustBeUpdated('token-expired');
	return {
		identity: {
			type: 'token',
			domainName: issued.account.domainName,
			userName: issued.account.userName,
			tokenProjectId: issued.project?.id,
		},
		account: issued.account,
		token: issued,
	};
}

const signatureFail = (reason: string) => errors.auth('verify aksk signature fail', reason);

function isSortedUniqueLowerCase(names: string[]): boolean {
	return names.every((name, i) => name !== '' && name === name.toLowerCase() && (i === 0 || names[i - 1] < name));
}

function verifySignature(req: AuthRequest, authorization: string, registry: AccountRegistry, now: number): AuthResult {
	const parsed = parseAuthorization(authorization.trim());
	if (!parsed) throw signatureFail('malformed-authorization');
	const key = registry.byAccessKey(parsed.accessKeyId);
	if (!key) throw signatureFail('unknown-access-key');
	// Strict: the list must be exactly what a correct signer produces (lower case, sorted, with x-sdk-date).
	if (!isSortedUniqueLowerCase(parsed.signedHeaders) || !parsed.signedHeaders.includes('x-sdk-date')) {
		throw signatureFail('bad-signed-headers');
	}
	if (parsed.signedHeaders.some((name) => req.headers[name] === undefined)) {
		throw signatureFail('missing-signed-header');
	}
	const sdkDate = (req.headers['x-sdk-date'] ?? '').trim();
	const signedAt = parseSdkDate(sdkDate);
	if (signedAt === undefined) throw signatureFail('bad-sdk-date');
	if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
		// Worded without "signature" so a client can tell a wrong clock from wrong keys.
		throw errors.auth(
			'x-sdk-date is expired, the request time differs from the server time by more than 15 minutes',
			'stale-date',
		);
	}
	checkSecurityToken(req, parsed.signedHeaders, key.kind, key.account.temporary.securityToken);
	const parts: SignedRequestParts = { ...req, signedHeaders: parsed.signedHeaders };
	if (!signaturesEqual(expectedSignature(parts, sdkDate, key.secret), parsed.signature)) {
		throw signatureFail('bad-signature');
	}
	return {
		identity: {
			type: key.kind,
			domainName: key.account.domainName,
			userName: key.account.userName,
			accessKeyId: parsed.accessKeyId,
		},
		account: key.account,
	};
}

function checkSecurityToken(
	req: AuthRequest,
	signedHeaders: string[],
	kind: 'accessKey' | 'temporaryAccessKey',
	expected: string,
): void {
	const presented = req.headers['x-security-token'];
	if (kind === 'accessKey') {
		if (presented !== undefined) throw signatureFail('unexpected-security-token');
		return;
	}
	if (presented === undefined) throw errors.auth('x-security-token not found', 'missing-security-token');
	if (!signedHeaders.includes('x-security-token')) throw signatureFail('unsigned-security-token');
	if (presented.trim() !== expected) throw errors.auth('security token invalid', 'bad-security-token');
}
