/**
 * What the credential does before requests: get (and share) IAM tokens for password auth, and check
 * access keys once (keys, clock, project, OCR subscription) so failures come back with a precise fix.
 * n8n calls preAuthentication whenever the hidden `sessionToken` is empty, after a 401, and on every
 * credential test; the caches below keep that to one IAM call per identity.
 */
import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions, ICredentialDataDecryptedObject } from 'n8n-workflow';

import { authenticateRequest } from './auth';
import { SingleFlightCache } from './cache';
import { encodeSessionToken, toCredentialData } from './credentialData';
import { iamBaseUrl, ocrBaseUrl } from './endpoints';
import { HuaweiCredentialError, headerValue, parseHuaweiError, parseJsonBody, redirectRefusal } from './errors';
import { hintFor } from './hints';
import { chooseProject, rememberProjectId } from './projects';
import { REGION_ID_HINT, isRegionId, regionById } from './regions';
import { errorInfoFromThrown } from './responses';
import { uriEncode } from './signer';
import type { HuaweiCredentialData, HuaweiErrorInfo } from './types';

/** `this.helpers.httpRequest` of preAuthentication. */
export type RawHttp = (options: IHttpRequestOptions) => Promise<unknown>;

/** Stored in `sessionToken` for access-key auth: not a secret, it only tells n8n the keys were checked. */
export const ACCESS_KEY_SESSION_MARKER = 'access-key-signing';

/** URL of the credential test request; `authenticate()` turns it into the real check. */
export const CREDENTIAL_TEST_URL = '/huawei-cloud-credential-test';

const TOKEN_TTL_MS = 23 * 60 * 60 * 1000;
const CHECK_OK_TTL_MS = 10 * 60 * 1000;
const CHECK_FAILED_TTL_MS = 15 * 1000;
const MAX_CLOCK_SKEW_MINUTES = 15;
const REQUEST_TIMEOUT_MS = 30_000;

interface RawResponse {
	status: number;
	headers: unknown;
	body: string;
}

type Sent = { response: RawResponse } | { failure: HuaweiErrorInfo };

async function send(http: RawHttp, options: IHttpRequestOptions): Promise<Sent> {
	try {
		const response = (await http({
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
			timeout: REQUEST_TIMEOUT_MS,
			disableFollowRedirect: true,
		})) as { statusCode: number; headers: unknown; body: unknown };
		const redirected = redirectRefusal(response.statusCode, response.headers);
		if (redirected) return { failure: redirected };
		const body = typeof response.body === 'string' ? response.body : response.body === undefined ? '' : JSON.stringify(response.body);
		return { response: { status: response.statusCode, headers: response.headers, body } };
	} catch (error) {
		return { failure: errorInfoFromThrown(error) };
	}
}

/** Cache key covering everything that decides the outcome, secrets included (hashed, never stored in clear). */
export function credentialFingerprint(cred: HuaweiCredentialData): string {
	const parts = [
		cred.authType,
		cred.region,
		cred.projectId,
		cred.iamEndpoint,
		cred.ocrEndpoint,
		cred.accessKeyId,
		cred.secretAccessKey,
		cred.securityToken,
		cred.domainName,
		cred.userName,
		cred.password,
	];
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

function fail(info: HuaweiErrorInfo): never {
	throw new HuaweiCredentialError(info);
}

function withRequestId(info: HuaweiErrorInfo, source: HuaweiErrorInfo): HuaweiErrorInfo {
	return source.requestId ? { ...info, requestId: source.requestId, httpStatus: source.httpStatus } : { ...info, httpStatus: source.httpStatus };
}

export function checkRequiredFields(cred: HuaweiCredentialData): void {
	const missing: string[] = [];
	if (cred.region === '') missing.push('Region');
	if (cred.authType === 'password') {
		if (cred.domainName === '') missing.push('Account Name');
		if (cred.userName === '') missing.push('IAM User Name');
		if (cred.password === '') missing.push('Password');
	} else {
		if (cred.accessKeyId === '') missing.push('Access Key ID');
		if (cred.secretAccessKey === '') missing.push('Secret Access Key');
		if (cred.authType === 'temporaryAccessKey' && cred.securityToken === '') missing.push('Security Token');
	}
	if (missing.length === 0 && !isRegionId(cred.region)) fail(invalidCredentialRegion(cred.region));
	if (missing.length > 0) {
		fail({
			code: 'CREDENTIAL.MISSING_FIELDS',
			message: `The Huawei Cloud credential is incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty.`,
			hint: 'Fill in the missing fields of the credential.',
		});
	}
}

export function invalidCredentialRegion(region: string): HuaweiErrorInfo {
	return {
		code: 'CREDENTIAL.INVALID_REGION',
		message: `The credential's region "${region}" is not a region ID.`,
		hint: `Fix Custom Region in the credential. ${REGION_ID_HINT}`,
	};
}

/** Minutes between the server's `Date` header and our clock, if the header is usable. */
export function clockSkewMinutes(dateHeader: string | undefined, now: Date): number | undefined {
	if (!dateHeader) return undefined;
	const serverTime = Date.parse(dateHeader);
	if (Number.isNaN(serverTime)) return undefined;
	return Math.abs(serverTime - now.getTime()) / 60_000;
}

/** A rejected signature: the clock (when the server's Date says so), an expired security token, or the keys. */
export function classifySignatureFailure(
	info: HuaweiErrorInfo,
	dateHeader: string | undefined,
	now: Date,
	cred: HuaweiCredentialData,
): HuaweiErrorInfo {
	const skew = clockSkewMinutes(dateHeader, now);
	if ((skew !== undefined && skew > MAX_CLOCK_SKEW_MINUTES) || /x-sdk-date|time ?stamp|clock|skew/i.test(info.message)) {
		const minutes = skew === undefined ? 'more than 15' : String(Math.round(skew));
		return withRequestId(
			{
				code: 'CREDENTIAL.CLOCK_SKEW',
				message: `Huawei Cloud rejected the signature because this machine's clock is ${minutes} minutes off (${info.code}: ${info.message}).`,
				hint: 'Signed requests must be within 15 minutes of Huawei Cloud\'s time: synchronise the clock of the machine running n8n (NTP) and test again.',
			},
			info,
		);
	}
	if (cred.authType === 'temporaryAccessKey' && /token/i.test(info.message)) {
		return withRequestId(
			{
				code: 'CREDENTIAL.SECURITY_TOKEN',
				message: `Huawei Cloud rejected the temporary access key's security token (${info.code}: ${info.message}).`,
				hint: 'Temporary access keys expire (15 minutes to 24 hours): get a new AK/SK and security token together, or use permanent access keys.',
			},
			info,
		);
	}
	return withRequestId(
		{
			code: 'CREDENTIAL.INVALID_KEYS',
			message: `Huawei Cloud rejected the access key signature (${info.code}: ${info.message}).`,
			hint: 'Check the Access Key ID and Secret Access Key: they must be a pair from My Credentials → Access Keys, copied without spaces, and the key must be enabled.',
		},
		info,
	);
}

function isSignatureRejection(status: number, info: HuaweiErrorInfo): boolean {
	return status === 401 || ['APIG.0301', 'APIG.0303', 'APIG.0305'].includes(info.code) || /signature|aksk|access ?key/i.test(info.message);
}

/**
 * A rejected signature on any call (not only the credential's own check) as the same credential
 * error: the same fault gets the same code whichever request found it. Undefined for other errors
 * and for IAM tokens, which n8n renews on a 401.
 */
export function signatureFailureOf(info: HuaweiErrorInfo, cred: HuaweiCredentialData, now: Date): HuaweiErrorInfo | undefined {
	if (cred.authType === 'password' || !isSignatureRejection(info.httpStatus ?? 0, info)) return undefined;
	return classifySignatureFailure(info, undefined, now, cred);
}

/** An empty request to an OCR API hosted in the region: AIS.* means subscribed, ModelArts.4204 means not; neither is billed. */
export async function probeSubscription(http: RawHttp, cred: HuaweiCredentialData, projectId: string, now: Date): Promise<HuaweiErrorInfo | undefined> {
	const operation = regionById(cred.region)?.probeOperation;
	if (!operation) return undefined;
	const request = authenticateRequest(
		cred,
		{ method: 'POST', url: `${ocrBaseUrl(cred, cred.region)}/v2/${projectId}/ocr/${operation.path}`, body: '{}', headers: { 'Content-Type': 'application/json' } },
		now,
	);
	const sent = await send(http, request);
	if ('failure' in sent) {
		return { ...sent.failure, message: `Could not reach the OCR endpoint ${ocrBaseUrl(cred, cred.region)}: ${sent.failure.message}`, hint: sent.failure.hint ?? hintFor(sent.failure) };
	}
	const { status, headers, body } = sent.response;
	if (status >= 200 && status < 300) return undefined;
	const info = parseHuaweiError(body, headers, status);
	if (info.code.startsWith('AIS.')) return undefined;
	if (info.code === 'ModelArts.4204') {
		return withRequestId(
			{
				code: 'ModelArts.4204',
				message: `The credential works, but ${operation.name} OCR is not enabled in region ${cred.region} for this account (checked with an empty, unbilled request).`,
				hint: `${hintFor(info, { operationName: operation.name, region: cred.region })} Enable each OCR API you use the same way.`,
			},
			info,
		);
	}
	return withRequestId(
		{
			code: info.code,
			message: `The credential works with IAM, but OCR in region ${cred.region} rejected it for project ${projectId} (${info.code}: ${info.message}).`,
			hint: `Check that the Project ID belongs to region ${cred.region} of this account and that the OCR endpoint is right. ${hintFor(info, { region: cred.region, authType: cred.authType }) ?? ''}`.trim(),
		},
		info,
	);
}

export interface KeyCheck {
	projectId?: string;
	/** Something the credential test should report although requests can work. */
	note?: HuaweiErrorInfo;
	/** Whether `GET /v3/projects` answered 2xx (the credential test repeats it). */
	projectsListed: boolean;
}

/** Signed `GET {iam}/v3/projects?name={region}`, then the subscription probe. Throws for anything that stops every request. */
export async function checkAccessKeys(http: RawHttp, cred: HuaweiCredentialData, now: () => Date): Promise<KeyCheck> {
	checkRequiredFields(cred);
	const url = `${iamBaseUrl(cred, cred.region)}/v3/projects?name=${uriEncode(cred.region)}`;
	const sent = await send(http, authenticateRequest(cred, { method: 'GET', url }, now()));
	let projectId = cred.projectId || undefined;
	let note: HuaweiErrorInfo | undefined;
	let projectsListed = false;
	if ('failure' in sent) {
		if (sent.failure.code === 'REQUEST.REDIRECTED') fail(sent.failure);
		const info: HuaweiErrorInfo = {
			code: 'CREDENTIAL.IAM_UNREACHABLE',
			message: `Could not reach IAM at ${iamBaseUrl(cred, cred.region)} (${sent.failure.code}).`,
			hint: 'Check the network and proxy, and the IAM endpoint override in the credential (it is needed to look up the project ID; or fill in Project ID).',
		};
		if (!projectId) fail(info);
		note = info;
	} else {
		const { status, headers, body } = sent.response;
		if (status >= 200 && status < 300) {
			projectsListed = true;
			const choice = chooseProject(body, cred.region);
			if (choice.ok) {
				if (!projectId) projectId = choice.projectId;
				rememberProjectId(cred, cred.region, choice.projectId);
			} else if (!projectId) {
				fail(choice.error);
			}
		} else {
			const info = parseHuaweiError(body, headers, status);
			if (isSignatureRejection(status, info)) fail(classifySignatureFailure(info, headerValue(headers, 'date'), now(), cred));
			// A least-privilege user: IAM accepted the signature but may not list projects, which the filled-in Project ID makes unnecessary.
			const forbiddenButNotNeeded = status === 403 && projectId !== undefined;
			const problem = withRequestId(
				status === 403
					? {
							code: 'CREDENTIAL.IAM_FORBIDDEN',
							message: `The keys are valid, but this IAM user may not list projects (${info.code}: ${info.message}).`,
							hint: `Put the project ID of region ${cred.region} (My Credentials → API Credentials) into the credential's Project ID field, or grant the user IAM read access.`,
						}
					: { ...info, message: `IAM could not list the projects of region ${cred.region} (${info.code}: ${info.message}).`, hint: hintFor(info, { region: cred.region }) },
				info,
			);
			if (!projectId) fail(problem);
			if (!forbiddenButNotNeeded) note = problem;
		}
	}
	if (projectId) note = (await probeSubscription(http, cred, projectId, now())) ?? note;
	return { projectId, note, projectsListed };
}

export interface IamToken {
	token: string;
	projectId?: string;
}

/** `POST {iam}/v3/auth/tokens` with password auth, scoped to the region's project (or the given project ID). */
export function tokenRequest(cred: HuaweiCredentialData): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${iamBaseUrl(cred, cred.region)}/v3/auth/tokens?nocatalog=true`,
		headers: { 'Content-Type': 'application/json;charset=utf8' },
		disableFollowRedirect: true,
		body: JSON.stringify({
			auth: {
				identity: {
					methods: ['password'],
					password: { user: { name: cred.userName, password: cred.password, domain: { name: cred.domainName } } },
				},
				scope: { project: cred.projectId ? { id: cred.projectId } : { name: cred.region } },
			},
		}),
	};
}

export async function requestToken(http: RawHttp, cred: HuaweiCredentialData): Promise<IamToken> {
	checkRequiredFields(cred);
	const sent = await send(http, tokenRequest(cred));
	if ('failure' in sent) {
		if (sent.failure.code === 'REQUEST.REDIRECTED') fail(sent.failure);
		fail({
			code: 'CREDENTIAL.IAM_UNREACHABLE',
			message: `Could not reach IAM at ${iamBaseUrl(cred, cred.region)} to get a token (${sent.failure.code}).`,
			hint: 'Check the network and proxy, and the IAM endpoint override in the credential.',
		});
	}
	const { status, headers, body } = sent.response;
	if (status >= 200 && status < 300) {
		const token = headerValue(headers, 'x-subject-token');
		if (!token) {
			fail({ code: 'CREDENTIAL.NO_TOKEN', message: 'IAM answered without an X-Subject-Token header.', hint: 'Check that the IAM endpoint override points at Huawei Cloud IAM.', httpStatus: status });
		}
		const tokenBody = parseJsonBody(body)?.token as IDataObject | undefined;
		const project = tokenBody?.project as IDataObject | undefined;
		return { token, projectId: typeof project?.id === 'string' ? project.id : undefined };
	}
	const info = parseHuaweiError(body, headers, status);
	if (/project/i.test(info.message) && status !== 401) {
		fail(
			withRequestId(
				{
					code: 'CREDENTIAL.NO_PROJECT',
					message: `IAM has no project ${cred.projectId ? `with ID ${cred.projectId}` : `named "${cred.region}"`} for this account (${info.code}: ${info.message}).`,
					hint: `Open region ${cred.region} once in the Huawei Cloud console (this creates its project), or fix the Project ID field (My Credentials → API Credentials).`,
				},
				info,
			),
		);
	}
	if (status === 401 || status === 400 || status === 403) {
		fail(
			withRequestId(
				{
					code: 'CREDENTIAL.INVALID_PASSWORD',
					message: `IAM rejected the sign-in of "${cred.userName}" in account "${cred.domainName}" (${info.code}: ${info.message}).`,
					hint: 'Check Account Name (the account that owns the IAM user; for the account itself it equals the user name), IAM User Name and Password. A HUAWEI ID cannot get tokens directly: create an IAM user. Users with login MFA are not supported; use access keys instead.',
				},
				info,
			),
		);
	}
	fail(withRequestId({ ...info, message: `IAM could not issue a token (${info.code}: ${info.message}).`, hint: hintFor(info) }, info));
}

type CheckOutcome = { ok: true; check: KeyCheck } | { ok: false; error: HuaweiErrorInfo };

const keyChecks = new SingleFlightCache<CheckOutcome>();
const tokens = new SingleFlightCache<IamToken>();
const tokenNotes = new Map<string, HuaweiErrorInfo | undefined>();

/** For tests: forget tokens and checks. */
export function clearSessionCaches(): void {
	keyChecks.clear();
	tokens.clear();
	tokenNotes.clear();
}

async function accessKeySession(http: RawHttp, cred: HuaweiCredentialData, now: () => Date): Promise<IDataObject> {
	const key = credentialFingerprint(cred);
	const outcome =
		keyChecks.get(key) ??
		(await keyChecks.load(key, async () => {
			let result: CheckOutcome;
			try {
				result = { ok: true, check: await checkAccessKeys(http, cred, now) };
			} catch (error) {
				result = { ok: false, error: errorInfoFromThrown(error) };
			}
			keyChecks.set(key, result, result.ok ? CHECK_OK_TTL_MS : CHECK_FAILED_TTL_MS);
			return result;
		}));
	if (!outcome.ok) fail(outcome.error);
	return { sessionToken: ACCESS_KEY_SESSION_MARKER };
}

/**
 * Password auth. The hook is not told why it runs, so it reasons from the token it is handed:
 * a token other than the newest one we hold is stale (another request already refreshed it);
 * the newest one itself, or none, means get a new one, and concurrent callers share that one call.
 */
async function tokenSession(http: RawHttp, cred: HuaweiCredentialData, now: () => Date): Promise<IDataObject> {
	const key = credentialFingerprint(cred);
	const handed = cred.sessionToken;
	const held = tokens.get(key);
	if (held && held.token !== handed) return { sessionToken: encodeSessionToken(held.token, held.projectId) };
	const fresh = await tokens.load(key, async () => {
		const newer = tokens.get(key);
		if (newer && newer.token !== handed) return newer;
		const obtained = await requestToken(http, cred);
		tokens.set(key, obtained, TOKEN_TTL_MS);
		const projectId = cred.projectId || obtained.projectId;
		if (obtained.projectId && !cred.projectId) rememberProjectId(cred, cred.region, obtained.projectId);
		tokenNotes.set(key, projectId ? await probeSubscription(http, { ...cred, sessionToken: obtained.token }, projectId, now()) : undefined);
		return obtained;
	});
	return { sessionToken: encodeSessionToken(fresh.token, fresh.projectId) };
}

/** Gets the token (password) or checks the keys (access keys), sharing one IAM call per identity. */
export async function startSession(http: RawHttp, cred: HuaweiCredentialData, now: () => Date = () => new Date()): Promise<IDataObject> {
	if (cred.authType === 'password') return await tokenSession(http, cred, now);
	return await accessKeySession(http, cred, now);
}

/** The credential's preAuthentication. */
export async function preAuthenticate(
	http: RawHttp,
	raw: ICredentialDataDecryptedObject,
	now: () => Date = () => new Date(),
): Promise<IDataObject> {
	return await startSession(http, toCredentialData(raw), now);
}

/**
 * The credential test's final request, built once preAuthentication has checked everything: it
 * reports what the checks noted (e.g. OCR not enabled) or repeats a call that must answer 2xx.
 */
export function credentialTestRequest(raw: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions, now: Date): IHttpRequestOptions {
	const cred = toCredentialData(raw);
	const key = credentialFingerprint(cred);
	const base: IHttpRequestOptions = { ...requestOptions, baseURL: undefined, qs: undefined, body: undefined, headers: {}, json: true };
	if (cred.authType === 'password') {
		const note = tokenNotes.get(key);
		if (note) fail(note);
		return { ...base, ...tokenRequest(cred) };
	}
	const outcome = keyChecks.get(key);
	if (outcome && !outcome.ok) fail(outcome.error);
	if (outcome?.ok && outcome.check.note) fail(outcome.check.note);
	const url = `${iamBaseUrl(cred, cred.region)}/v3/projects?name=${uriEncode(cred.region)}`;
	const request = authenticateRequest(cred, { ...base, method: 'GET', url }, now);
	// With Project ID filled the user may lack IAM list permission: the checks above already proved the keys (and OCR where a probe exists).
	return outcome?.ok && !outcome.check.projectsListed ? { ...request, ignoreHttpStatusErrors: true } : request;
}
