/** The HTTP side: read the request, route it like the gateway, apply faults, answer, log. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from '../nodejs/http.cjs';
import { setTimeout as sleep } from '../nodejs/timers/promises.cjs';
import type { AccountRegistry } from './account';
import { authenticate, type AuthRequest, type AuthResult } from './auth';
import { errorBody, errors, HuaweiError } from './errors';
import type { FaultController, FaultContext } from './faults';
import { issueToken, listProjects, type Reply } from './iam';
import { bodyForLog, lowerCaseHeaders, newLogEntry } from './log';
import type { Answers } from './ocr/answers';
import type { Downloads } from './ocr/download';
import { checkProjectOwnership } from './ocr/ownership';
import { serveOcr } from './ocr/service';
import { OPERATION_SPECS } from './spec/operations';
import type { TokenStore } from './tokens';
import type { EmulatorOptions, EmulatorRequest, EmulatorStats, FaultKind } from './types';

/** API Gateway's cap for signed bodies; bigger bodies are refused before anything else is looked at. */
const GATEWAY_BODY_CAP = 12 * 1024 * 1024;

export interface ServerState {
	registry: AccountRegistry;
	tokens: TokenStore;
	faults: FaultController;
	downloads: Downloads;
	answers: Answers;
	options: EmulatorOptions;
	log: EmulatorRequest[];
	stats: EmulatorStats;
	clockOffsetMs: number;
	baseUrl: string;
	hanging: Set<ServerResponse>;
	seq: number;
}

const AUTH_CODES = ['APIG.0301', 'APIG.0307', 'ModelArts.0212'];

/** Thrown to end a request without a normal answer (a raw page, reset, hang); `act` does it when the latency is over. */
class NoAnswer extends Error {
	constructor(readonly act: () => void) {
		super('no Huawei-shaped answer');
	}
}

interface Body {
	bytes: Buffer;
	size: number;
}

function readBody(req: IncomingMessage): Promise<Body> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= GATEWAY_BODY_CAP) chunks.push(chunk);
		});
		req.on('end', () => resolve({ bytes: Buffer.concat(chunks), size }));
		req.on('error', reject);
	});
}

const OCR_PATH = /^\/v2\/([^/]+)\/ocr\/([^/]+)$/;

export function createRequestHandler(state: ServerState) {
	return (req: IncomingMessage, res: ServerResponse) => {
		handle(state, req, res).catch(() => {
			if (!res.headersSent) res.destroy();
		});
	};
}

async function handle(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const body = await readBody(req);
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const requestId = randomBytes(16).toString('hex');
	const entry = newLogEntry(++state.seq, requestId, req, url, body.size);
	state.log.push(entry);
	state.stats.requests += 1;
	// The latency is the service's answer time: its own work happens within it, as at Huawei, so
	// requests that arrive together are answered together however long the emulator takes for each.
	const answerAt = performance.now() + state.faults.latencyMs();
	let reply: Reply;
	try {
		reply = await dispatch(state, req, url, body, entry, res);
	} catch (error) {
		if (error instanceof NoAnswer) {
			await waitUntil(answerAt);
			error.act();
			return;
		}
		const huawei = error instanceof HuaweiError ? error : new HuaweiError(500, 'ModelArts.4505', 'Internal server error.');
		entry.errorCode = huawei.code;
		// An answer a test set that the SDK models refuse shows up as an internal error, with the why in the log.
		entry.errorDetail = error instanceof HuaweiError ? huawei.reason : (error as Error).message;
		if (AUTH_CODES.includes(huawei.code)) entry.authFailure = huawei.reason;
		reply = { status: huawei.status, body: errorBody(huawei, requestId) };
	}
	entry.status = reply.status;
	if (entry.service === 'ocr' && reply.status === 200) state.stats.ocrSucceeded += 1;
	const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
	await waitUntil(answerAt);
	res.writeHead(reply.status, {
		'Content-Type': typeof reply.body === 'string' ? 'text/html' : 'application/json;charset=UTF-8',
		// The emulator's own clock (clockOffsetMs), so clients can measure their skew from Date as with Huawei.
		Date: new Date(now(state)).toUTCString(),
		'X-Request-Id': requestId,
		...reply.headers,
	});
	res.end(text);
}

async function waitUntil(time: number): Promise<void> {
	const remaining = time - performance.now();
	if (remaining > 0) await sleep(remaining);
}

function now(state: ServerState): number {
	return Date.now() + state.clockOffsetMs;
}

function authRequest(req: IncomingMessage, url: URL, body: Body): AuthRequest {
	const rawUrl = req.url ?? '/';
	const q = rawUrl.indexOf('?');
	return {
		method: req.method ?? 'GET',
		rawPath: q < 0 ? rawUrl : rawUrl.slice(0, q),
		rawQuery: q < 0 ? '' : rawUrl.slice(q + 1),
		headers: lowerCaseHeaders(req),
		body: body.bytes,
	};
}

/** The parsed body, or undefined when it is not JSON (JSON itself has no undefined). */
function parseJson(body: Body): unknown {
	if (body.size === 0 || body.size > GATEWAY_BODY_CAP) return undefined;
	try {
		return JSON.parse(body.bytes.toString('utf8'));
	} catch {
		return undefined;
	}
}

async function dispatch(
	state: ServerState,
	req: IncomingMessage,
	url: URL,
	body: Body,
	entry: EmulatorRequest,
	res: ServerResponse,
): Promise<Reply> {
	if (body.size > GATEWAY_BODY_CAP) throw errors.contentLength();
	const method = req.method ?? 'GET';
	if (url.pathname === '/v3/auth/tokens' && method === 'POST') {
		entry.service = 'iam';
		const parsed = parseJson(body);
		entry.body = parsed;
		applyInjectedFault(state, { service: 'iam', path: url.pathname }, entry, res, undefined);
		if (parsed === undefined) throw new HuaweiError(400, '400', 'The request body is invalid.', 'iam', 'bad-json');
		const reply = issueToken(parsed, url.searchParams, state.registry, state.tokens, now(state), state.baseUrl);
		state.stats.tokensIssued += 1;
		entry.identity = { type: 'token', domainName: reply.account.domainName, userName: reply.account.userName };
		return reply;
	}
	if (url.pathname === '/v3/projects' && method === 'GET') {
		entry.service = 'iam';
		const auth = authenticate(authRequest(req, url, body), state.registry, state.tokens, now(state));
		entry.identity = auth.identity;
		applyInjectedFault(state, { service: 'iam', path: url.pathname }, entry, res, auth);
		if (state.faults.projectListForbidden()) {
			throw new HuaweiError(403, '403', 'You are not authorized to perform the requested action: identity:projects:list.', 'iam', 'project-list-forbidden');
		}
		return listProjects(auth.account, url.searchParams, state.baseUrl);
	}
	const ocr = OCR_PATH.exec(url.pathname);
	if (!ocr) throw errors.apiNotFound();
	entry.service = 'ocr';
	state.stats.ocrRequests += 1;
	const [, projectId, operation] = ocr;
	entry.operation = operation;
	entry.projectId = projectId;
	// Logged whatever the outcome, so tests can see what a rejected call carried.
	const json = parseJson(body);
	entry.body = bodyForLog(json, state.options.logBodies ?? 'full');
	const spec = OPERATION_SPECS.get(operation);
	const region = state.registry.project(projectId)?.project.region;
	entry.region = region;
	// Routing: retired APIs, wrong methods and APIs not hosted in the project's region are not published there.
	if (!spec || spec.retired || method !== 'POST') throw errors.apiNotFound();
	if (region !== undefined && !spec.regions.includes(region)) throw errors.apiNotFound();
	const auth = authenticate(authRequest(req, url, body), state.registry, state.tokens, now(state));
	entry.identity = auth.identity;
	checkProjectOwnership(auth, projectId, req.headers['x-project-id'] as string | undefined);
	const ownedRegion = region as string;
	applyInjectedFault(state, { service: 'ocr', path: url.pathname, operation, region: ownedRegion }, entry, res, auth);
	const success = await serveOcr({
		spec,
		region: ownedRegion,
		body: body.bytes,
		json,
		contentType: req.headers['content-type'],
		faults: state.faults,
		downloads: state.downloads,
		recognizer: state.options.recognizer,
		answers: state.answers,
		urlTimeoutMs: state.options.urlTimeoutMs ?? 10_000,
	}).catch((error: unknown) => {
		if (error instanceof HuaweiError && error.code === 'APIG.0308') state.stats.throttled += 1;
		throw error;
	});
	entry.resultSource = success.source;
	if (success.leanChanges !== undefined) entry.leanChanges = success.leanChanges;
	return { status: 200, headers: { 'X-Emulator-Result-Source': success.source }, body: { result: success.result } };
}

const PLAIN_PAGES: Record<number, string> = {
	500: '<html><body><h1>500 Internal Server Error</h1></body></html>',
	502: '<html><body><h1>502 Bad Gateway</h1></body></html>',
	503: '<html><body><h1>503 Service Unavailable</h1></body></html>',
};

/**
 * Huawei-bodied 5xx. Assumption: the codes are the platform ones from the reference's table
 * (ModelArts.4505 internal error, ModelArts.4302 gateway forwarding, ModelArts.4403 backend unavailable).
 */
const SERVER_ERRORS: Record<number, HuaweiError> = {
	500: new HuaweiError(500, 'ModelArts.4505', 'Internal server error.'),
	502: new HuaweiError(502, 'ModelArts.4302', 'Gateway forwarding error.'),
	503: new HuaweiError(503, 'ModelArts.4403', 'Backend service unavailable.'),
};

/** Throws the injected fault's answer, or NoAnswer for reset/hang; returns when there is none. */
function applyInjectedFault(
	state: ServerState,
	ctx: FaultContext,
	entry: EmulatorRequest,
	res: ServerResponse,
	auth: AuthResult | undefined,
): void {
	const kind = state.faults.takeInjected(ctx);
	if (!kind) return;
	entry.fault = kind;
	state.faults.count(kind);
	throwFault(state, kind, entry, res, auth);
}

function throwFault(state: ServerState, kind: FaultKind, entry: EmulatorRequest, res: ServerResponse, auth: AuthResult | undefined): never {
	switch (kind) {
		case 'throttle':
			state.stats.throttled += 1;
			throw errors.throttled(1);
		case 'backendTimeout':
			throw errors.backendTimeout();
		case 'http500':
		case 'http502':
		case 'http503':
			throw SERVER_ERRORS[Number(kind.slice(4))];
		case 'http500Plain':
		case 'http502Plain':
		case 'http503Plain': {
			const status = Number(kind.slice(4, 7));
			entry.status = status;
			throw new NoAnswer(() => {
				res.writeHead(status, { 'Content-Type': 'text/html', 'X-Request-Id': entry.requestId });
				res.end(PLAIN_PAGES[status]);
			});
		}
		case 'reset':
			entry.status = 0;
			throw new NoAnswer(() => res.socket?.destroy());
		case 'hang':
			entry.status = 0;
			state.hanging.add(res);
			res.on('close', () => state.hanging.delete(res));
			throw new NoAnswer(() => undefined);
		case 'malformedJson':
			entry.status = 200;
			throw new NoAnswer(() => {
				res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': entry.requestId });
				res.end('{"result": {"words_block_count": 1, "words_block_list": [{"words": "trunc');
			});
		case 'tokenExpired':
			if (auth?.token) state.tokens.expire(auth.token.token, now(state));
			throw errors.tokenMustBeUpdated('injected-token-expiry');
		case 'notSubscribed':
			throw errors.notSubscribed(entry.operation ?? 'unknown');
		case 'redirect':
			entry.status = 307;
			throw new NoAnswer(() => {
				res.writeHead(307, { Location: state.faults.redirectLocation(), 'X-Request-Id': entry.requestId });
				res.end();
			});
		case 'missingResult':
			entry.status = 200;
			throw new NoAnswer(() => {
				res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': entry.requestId });
				res.end('{}');
			});
	}
}
