/** Types for n8n.cjs (the real-n8n driver used by the end-to-end suite). */

export interface N8nInstall {
	root: string;
	nodeDir: string;
	n8nDir: string;
	nodeDist: string;
	nodeBin: string;
	n8nBin: string;
}

export interface N8nContext {
	/** The n8n version under test (N8N_E2E_VERSION, default 2.41.1). */
	version: string;
	install: N8nInstall;
	/** N8N_USER_FOLDER: n8n keeps its database, storage and community packages in <userFolder>/.n8n. */
	userFolder: string;
	work: string;
	/** Where our packed package was unpacked: <userFolder>/.n8n/nodes/node_modules/n8n-nodes-huaweicloud-ocr. */
	packageDir: string;
	/** Extra environment for every n8n process of this context (e.g. queue mode's database and Redis). */
	env?: Record<string, string>;
}

export interface N8nWorker {
	name: string;
	pid: number;
	logFile: string;
	stop(): Promise<void>;
	/** The whole log so far. */
	log(): string;
}

export interface CliResult {
	code: number | string;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface BinaryRef {
	id?: string;
	data?: string;
	mimeType?: string;
	fileName?: string;
	fileExtension?: string;
	fileSize?: string;
	bytes?: number;
}

export interface RunItem {
	json: Record<string, unknown>;
	binary?: Record<string, BinaryRef>;
	pairedItem?: { item: number; input?: number } | Array<{ item: number }>;
	error?: unknown;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main: Array<RunItem[] | null> };
}

export interface RunJson {
	finished?: boolean;
	status?: string;
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message?: string } } };
}

export interface ExecuteResult extends CliResult {
	run?: RunJson;
}

export interface N8nServer {
	baseUrl: string;
	port: number;
	pid: number;
	logFile: string;
	stop(): Promise<void>;
	log(): string;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{
		id: string;
		name: string;
		type: string;
		typeVersion: number;
		position: [number, number];
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		onError?: string;
		webhookId?: string;
	}>;
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	[key: string]: unknown;
}

export const REPO_ROOT: string;
/** The n8n version this run tests: N8N_E2E_VERSION (set per leg by matrix.cjs), else 2.41.1. */
export function n8nVersion(): string;
export function prepare(version?: string): N8nContext;
export function runCli(ctx: N8nContext, args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<CliResult>;
export function importCredentials(
	ctx: N8nContext,
	credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>,
): Promise<CliResult>;
export function importWorkflows(ctx: N8nContext, workflows: WorkflowJson[]): Promise<CliResult>;
export function execute(ctx: N8nContext, workflowId: string): Promise<ExecuteResult>;
export function publishWorkflow(ctx: N8nContext, workflowId: string): Promise<CliResult>;
export function parseRawOutput(stdout: string): RunJson | undefined;
export function readBinary(ctx: N8nContext, binary: BinaryRef): Buffer;
export function binaryPath(ctx: N8nContext, binary: BinaryRef): string;
export function startServer(
	ctx: N8nContext,
	options?: { timeoutMs?: number; env?: Record<string, string>; logName?: string },
): Promise<N8nServer>;
export function startWorker(ctx: N8nContext, options: { name: string; concurrency?: number; timeoutMs?: number }): Promise<N8nWorker>;
export function n8nEnv(userFolder: string, install: N8nInstall, extra?: Record<string, string>): Record<string, string>;
export function freePort(): Promise<number>;
export function tailFile(file: string, lines?: number): string;
export function cleanup(ctx: N8nContext | undefined): void;
export function describeFailure(what: string, result: CliResult): string;
