/**
 * Runs nodes inside n8n-core's real execution engine (WorkflowExecute), the way n8n itself does,
 * with a credentials helper that calls our credential's authenticate()/preAuthentication() like
 * the n8n CLI does. Binary data can live inline ('default') or on disk ('filesystem', n8n's default).
 */
import './n8nUserFolder';
import { mkdtempSync } from '../nodejs/fs.cjs';
import { tmpdir } from '../nodejs/os.cjs';
import { join } from '../nodejs/path.cjs';

import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, ICredentialsHelper, LoggerProxy, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	IBinaryData,
	IDataObject,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export type BinaryMode = 'default' | 'filesystem';

const WORKFLOW_ID = 'harness';
const EXECUTION_ID = '1';

const silentLogger = { error() {}, warn() {}, info() {}, debug() {}, scoped: () => silentLogger };

// n8n logs every node error; the tests assert on errors themselves, so keep the output readable.
LoggerProxy.init(silentLogger as never);

let activeMode: BinaryMode | undefined;
let binaryService: BinaryDataService | undefined;

/** Sets up n8n's BinaryDataService for the given storage mode (idempotent per mode). */
export async function useBinaryMode(mode: BinaryMode): Promise<BinaryDataService> {
	if (binaryService && activeMode === mode) return binaryService;
	const config = {
		mode,
		availableModes: ['filesystem'],
		localStoragePath: mkdtempSync(join(tmpdir(), 'hw-ocr-binary-')),
		signingSecret: 'harness-signing-secret',
		dbMaxFileSize: 512,
	};
	const service = new BinaryDataService(
		config as never,
		{ error() {}, warn() {}, info() {} } as never,
		silentLogger as never,
	);
	await service.init();
	Container.set(BinaryDataService, service);
	binaryService = service;
	activeMode = mode;
	return service;
}

/** Stores a file the way an upstream node would, so the item's binary is in the active mode's shape. */
export async function storeBinary(
	buffer: Buffer,
	meta: { fileName?: string; mimeType: string },
): Promise<IBinaryData> {
	const service = binaryService ?? (await useBinaryMode('default'));
	const binary: IBinaryData = { data: '', mimeType: meta.mimeType, fileName: meta.fileName };
	return await service.store(
		{ type: 'execution', workflowId: WORKFLOW_ID, executionId: EXECUTION_ID },
		buffer,
		binary,
	);
}

/** Reads a binary the node emitted, whatever the storage mode. */
export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	const service = binaryService ?? (await useBinaryMode('default'));
	return await service.getAsBuffer(binary);
}

class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}
	getByName(type: string) {
		return this.types[type];
	}
	getByNameAndVersion(type: string, version?: number) {
		return NodeHelpers.getVersionedNodeType(this.types[type], version);
	}
	getKnownTypes() {
		return {};
	}
}

/** Mirrors the CLI's CredentialsHelper: function-style authenticate, preAuthentication on an empty or expired expirable field, persisted results. */
export class TestCredentialsHelper extends ICredentialsHelper {
	preAuthCalls = 0;

	constructor(
		private readonly types: Record<string, ICredentialType>,
		readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	) {
		const authenticate = this.types[typeName].authenticate;
		return typeof authenticate === 'function'
			? await authenticate(credentials, requestOptions)
			: requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	) {
		const type = this.types[typeName];
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || !type.preAuthentication) return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		Object.assign(this.data[typeName], output);
		return { ...credentials, ...output } as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		typeName: string,
	) {
		return { ...(this.data[typeName] ?? {}) };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return [];
	}
}

export interface WorkflowRunOptions {
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	nodes: INode[];
	connections?: IConnections;
	input: INodeExecutionData[];
	credentialsHelper: TestCredentialsHelper;
	/** The workflow's static data; pass the same object to several runs to keep it, as n8n does for active workflows. */
	staticData?: IDataObject;
}

/** Runs a workflow whose first node receives `input`, and resolves with n8n's IRun. */
export async function runWorkflow(options: WorkflowRunOptions): Promise<IRun> {
	if (!binaryService) await useBinaryMode('default');
	const connections = options.connections ?? {};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		nodes: options.nodes,
		connections,
		nodeTypes: new TestNodeTypes(options.nodeTypes),
		active: false,
		settings: { executionOrder: 'v1' },
		staticData: options.staticData,
	});
	const hooks = new ExecutionLifecycleHooks('manual', EXECUTION_ID, {
		id: WORKFLOW_ID,
		name: 'harness',
		nodes: options.nodes,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveRun!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = {
		executionId: EXECUTION_ID,
		hooks,
		credentialsHelper: options.credentialsHelper,
		currentNodeParameters: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'user',
	} as unknown as IWorkflowExecuteAdditionalData;
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: options.nodes[0], data: { main: [options.input] }, source: null },
			],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	return await finished;
}
