/** Public types of the Huawei Cloud emulator (see index.ts for startEmulator). */

export interface EmulatorProject {
	/** 32 lower-case hex characters, like Huawei's project ids. */
	id: string;
	/** IAM project name; the region's default project is named exactly like the region. */
	name: string;
	/** The region the project lives in; OCR calls on this project are served as that region. */
	region: string;
}

export interface EmulatorAccount {
	domainName: string;
	domainId: string;
	userName: string;
	userId: string;
	password: string;
	/** Permanent access key. */
	accessKeyId: string;
	secretAccessKey: string;
	/** Temporary access key; only valid together with its security token. */
	temporary: { accessKeyId: string; secretAccessKey: string; securityToken: string };
	/** Default project id per region (the project named like the region). */
	projectIds: Record<string, string>;
	/** Every project of the account (default ones plus extras). */
	projects: EmulatorProject[];
}

/** What the recognizer hook receives; it returns a full Huawei `result`, or undefined for the built-in answer. */
export interface RecognizerInput {
	operation: string;
	image: Buffer;
	format: string;
	/** The request body without the file field, for options that change the shape. */
	options: Record<string, unknown>;
}
export type Recognizer = (input: RecognizerInput) => Promise<unknown | undefined>;

export type LatencySetting = number | { min: number; max: number };

/**
 * Faults the emulator can inject. `failNext` and `randomTransient` pick from these kinds.
 * - throttle: 429 APIG.0308
 * - backendTimeout: 504 APIG.0201
 * - http500 / http502 / http503: Huawei JSON error body; the *Plain variants answer with a non-JSON body
 * - reset: the socket is destroyed without an answer
 * - malformedJson: 200 with a truncated JSON body
 * - hang: the request is never answered (until stop())
 * - tokenExpired: 401 APIG.0307 and the presented token is invalidated
 * - notSubscribed: ModelArts.4204
 * - redirect: 307 to `redirectLocation` (what a hostile or misconfigured endpoint may answer)
 * - missingResult: 200 with a JSON body that has no `result`
 */
export type FaultKind =
	| 'throttle'
	| 'backendTimeout'
	| 'http500'
	| 'http502'
	| 'http503'
	| 'http500Plain'
	| 'http502Plain'
	| 'http503Plain'
	| 'reset'
	| 'malformedJson'
	| 'hang'
	| 'tokenExpired'
	| 'notSubscribed'
	| 'redirect'
	| 'missingResult';

export interface FaultMatch {
	/** OCR operation id, e.g. `general-text`. */
	operation?: string;
	region?: string;
	/** Exact path or a pattern, e.g. `/v3/auth/tokens`. */
	path?: string | RegExp;
	service?: 'iam' | 'ocr';
}

/**
 * Lean answers: every field Huawei's SDK model marks optional is left out (omitRate) or sent as
 * `null` (nullRate) at random, reproducibly through the seed. Required fields stay.
 */
export interface LeanAnswers {
	seed: number;
	/** Share of optional fields left out; default 0.3. */
	omitRate?: number;
	/** Share of optional fields sent as null; default 0.2. */
	nullRate?: number;
}

export interface FaultSettings {
	/** Operations not subscribed (ModelArts.4204); an entry without operation/region matches all of them. */
	notSubscribed?: Array<{ operation?: string; region?: string }>;
	/** Accepted OCR requests per rolling second; above it → 429 APIG.0308. */
	qpsLimit?: number;
	/** The answer time of every OCR and IAM request, counted from its arrival (the emulator's own work happens within it). */
	latencyMs?: LatencySetting;
	/** OBS agency missing (ModelArts.4702) for these regions ('*' = all). */
	obsAgencyMissing?: string[];
	/** Where the `redirect` fault sends the client; default `https://redirected.example/elsewhere`. */
	redirectLocation?: string;
	/** A least-privilege IAM user: `GET /v3/projects` answers 403 (authentication still checked first). */
	projectListForbidden?: boolean;
	/** Probabilistic transient faults on OCR requests, reproducible through the seed. */
	randomTransient?: { rate: number; seed: number; kinds: FaultKind[] };
	/** Answer like Huawei at its leanest: optional fields left out or null (see LeanAnswers). */
	leanAnswers?: LeanAnswers;
}

export interface EmulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** More accounts besides EMULATOR_ACCOUNT (keys, users and projects must not clash). */
	accounts?: EmulatorAccount[];
	/**
	 * Replaces the default account's projects in the given regions: `[]` = no project in that region,
	 * two entries = two projects (to test project resolution errors). Names default to the region.
	 */
	projects?: Record<string, Array<{ id: string; name?: string }>>;
	/** Fixed or random answer time of every request, counted from its arrival; the emulator's own work happens within it. */
	latencyMs?: LatencySetting;
	recognizer?: Recognizer;
	/** The emulator's clock runs this far ahead of the local clock (negative = behind). */
	clockOffsetMs?: number;
	/** Lifetime of issued IAM tokens; default 24 h like IAM. */
	tokenLifetimeMs?: number;
	/** Initial faults (same as setFaults). */
	faults?: FaultSettings;
	/** 'omitFiles' keeps the log small for big batches: image/data strings are replaced by a summary. */
	logBodies?: 'full' | 'omitFiles';
	/** Timeout for downloading `url` inputs from 127.0.0.1. */
	urlTimeoutMs?: number;
}

export interface AuthIdentity {
	type: 'accessKey' | 'temporaryAccessKey' | 'token';
	domainName: string;
	userName: string;
	accessKeyId?: string;
	/** Project the token is scoped to (token auth only). */
	tokenProjectId?: string;
}

export interface EmulatorRequest {
	seq: number;
	requestId: string;
	receivedAt: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-case header names. */
	headers: Record<string, string>;
	service: 'iam' | 'ocr' | 'unknown';
	operation?: string;
	projectId?: string;
	region?: string;
	/** Parsed JSON body (undefined when empty or not JSON). */
	body?: unknown;
	bodyBytes: number;
	identity?: AuthIdentity;
	/** Why authentication failed, in our words (the wire message stays Huawei's). */
	authFailure?: string;
	status?: number;
	errorCode?: string;
	/** Our reason for the error, e.g. `unknown-field:foo`, `side-below-15` (never sent). */
	errorDetail?: string;
	fault?: FaultKind;
	resultSource?: 'sample' | 'template' | 'recognized' | 'answer';
	/** With lean answers on: how many optional fields of the result were left out or sent as null. */
	leanChanges?: number;
}

export interface EmulatorStats {
	requests: number;
	ocrRequests: number;
	ocrSucceeded: number;
	throttled: number;
	tokensIssued: number;
	faults: Partial<Record<FaultKind, number>>;
}

export interface Emulator {
	url: string;
	port: number;
	requests: EmulatorRequest[];
	account: EmulatorAccount;
	accounts: EmulatorAccount[];
	stats: EmulatorStats;
	setFaults(faults: FaultSettings): void;
	failNext(kind: FaultKind, count?: number, match?: FaultMatch): void;
	resetFaults(): void;
	expireTokens(): void;
	setClockOffset(ms: number): void;
	clearLog(): void;
	/** Puts an object into the in-memory OBS. Public-read objects can be read cross-region without an agency. */
	putObject(bucket: string, region: string, key: string, bytes: Buffer, opts?: { publicRead?: boolean }): void;
	/**
	 * From now on, answers `operation` with this result instead of the built-in one; or, given a
	 * function, with what it builds from each request's options, file and PDF page (undefined: that
	 * request gets the emulator's own reading), so one run can mix a good and a bad document of the
	 * same kind. Throws when a result is not a shape Huawei's SDK allows. Fields the request did not
	 * ask for are left out, as the service does.
	 */
	answerWith(operation: string, result: unknown): void;
	/** Answers the operation's next requests with these results, one each in arrival order, before answerWith's. */
	answerNext(operation: string, ...results: unknown[]): void;
	/** Back to the built-in answers for every operation. */
	clearAnswers(): void;
	/** Serves bytes at a fake https URL (no network is involved). */
	putUrl(url: string, bytes: Buffer): void;
	stop(): Promise<void>;
}
