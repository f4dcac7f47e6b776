/** Shared Huawei Cloud types used by the credential, the IAM helpers, the transport and the nodes. */

export type HuaweiAuthType = 'accessKey' | 'temporaryAccessKey' | 'password';

/** The credential's decrypted data, normalised (see credentialData.ts). */
export interface HuaweiCredentialData {
	authType: HuaweiAuthType;
	/** Region id, e.g. `ap-southeast-1`; the custom region when chosen. */
	region: string;
	/** Empty when it should be resolved through IAM. */
	projectId: string;
	accessKeyId: string;
	secretAccessKey: string;
	securityToken: string;
	/** IAM user name, account (domain) name and password, for `password` auth. */
	userName: string;
	domainName: string;
	password: string;
	/** Endpoint templates; `{region}` is substituted. Empty means the public default. */
	ocrEndpoint: string;
	iamEndpoint: string;
	/** The IAM token obtained in preAuthentication (hidden, expirable). */
	sessionToken: string;
	/** The project the stored IAM token is scoped to; empty when unknown. */
	tokenProjectId: string;
}

/** Everything we know about a failed Huawei call, with secrets never included. */
export interface HuaweiErrorInfo {
	/** Huawei error code, e.g. `AIS.0101`, `APIG.0308`, `ModelArts.4204`; a synthetic code for network failures (`NETWORK.ECONNRESET`, `NETWORK.TIMEOUT`, `HTTP.502`, `RESPONSE.INVALID_JSON`). */
	code: string;
	message: string;
	/** X-Request-Id response header, or `request_id` from the body. */
	requestId?: string;
	/** HTTP status; undefined for connection-level failures. */
	httpStatus?: number;
	/** What to do about it (from the hint table). */
	hint?: string;
	/** How long the server asked us to wait (a `Retry-After` header, seconds or HTTP date), in milliseconds. */
	retryAfterMs?: number;
}
