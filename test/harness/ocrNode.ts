/** Runs the Huawei Cloud OCR node in n8n-core's engine, with credentials pointed at the emulator. */
import './preferTypeScriptSources';
import './n8nUserFolder';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
} from 'n8n-workflow';

import { HuaweiCloudApi } from '../../credentials/HuaweiCloudApi.credentials';
import { accountPacing } from '../../nodes/HuaweiCloudOcr/execution';
import { HuaweiCloudOcr } from '../../nodes/HuaweiCloudOcr/HuaweiCloudOcr.node';
import type { Emulator } from '../emulator';
import { EMULATOR_ACCOUNT } from '../emulator';
import { type BinaryMode, runWorkflow, storeBinary, TestCredentialsHelper, useBinaryMode } from './engine';

export const NODE_TYPE = 'huaweiCloudOcr';
export const NODE_NAME = 'Huawei Cloud OCR';

export type AuthType = 'accessKey' | 'temporaryAccessKey' | 'password';

/** Credential data for the emulator's account, in the given auth mode. */
export function emulatorCredentials(
	emulator: Pick<Emulator, 'url'>,
	authType: AuthType = 'accessKey',
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	const account = EMULATOR_ACCOUNT;
	const keys = authType === 'temporaryAccessKey' ? account.temporary : account;
	return {
		authType,
		region: 'cn-north-4',
		customRegion: '',
		projectId: '',
		accessKeyId: authType === 'password' ? '' : keys.accessKeyId,
		secretAccessKey: authType === 'password' ? '' : keys.secretAccessKey,
		securityToken: authType === 'temporaryAccessKey' ? account.temporary.securityToken : '',
		domainName: authType === 'password' ? account.domainName : '',
		userName: authType === 'password' ? account.userName : '',
		password: authType === 'password' ? account.password : '',
		ocrEndpoint: emulator.url,
		iamEndpoint: emulator.url,
		sessionToken: '',
		...overrides,
	};
}

/** An input item carrying a file in the active binary mode. */
export async function fileItem(
	buffer: Buffer,
	fileName: string,
	mimeType: string,
	json: INodeExecutionData['json'] = {},
	property = 'data',
): Promise<INodeExecutionData> {
	return { json, binary: { [property]: await storeBinary(buffer, { fileName, mimeType }) } };
}

export interface RunOcrOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	onError?: INode['onError'];
	binaryMode?: BinaryMode;
	/** Reuse a helper across runs to keep a persisted IAM token, like n8n's database does. */
	credentialsHelper?: TestCredentialsHelper;
	/** The node's typeVersion; 1 unless given (1.1 adds the Needs Review output by default). */
	typeVersion?: number;
	/** The workflow's static data, kept across runs when the same object is passed again. */
	staticData?: IDataObject;
	/**
	 * Keep the account pacing other runs of this process learnt (runs started together share it, as
	 * executions of one n8n process do). Otherwise each run starts like a fresh n8n process.
	 */
	keepAccountPacing?: boolean;
}

export interface OcrRun {
	run: IRun;
	/** The node's first (success) output. */
	items: INodeExecutionData[];
	/** The error output (only with onError: 'continueErrorOutput'). */
	errorItems: INodeExecutionData[];
	/** Every main output of the node, e.g. Main and Needs Review. */
	outputs: INodeExecutionData[][];
	/** The error that stopped the node, if any. */
	error: IRun['data']['resultData']['error'];
	credentialsHelper: TestCredentialsHelper;
}

export function ocrCredentialsHelper(credentials: ICredentialDataDecryptedObject) {
	return new TestCredentialsHelper(
		{ huaweiCloudApi: new HuaweiCloudApi() },
		{ huaweiCloudApi: { ...credentials } },
	);
}

export async function runOcr(options: RunOcrOptions): Promise<OcrRun> {
	if (options.binaryMode) await useBinaryMode(options.binaryMode);
	if (!options.keepAccountPacing) accountPacing.clear();
	const credentialsHelper = options.credentialsHelper ?? ocrCredentialsHelper(options.credentials);
	const node: INode = {
		id: 'ocr',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { huaweiCloudApi: { id: '1', name: 'Huawei Cloud' } },
		...(options.onError ? { onError: options.onError } : {}),
	};
	const run = await runWorkflow({
		nodeTypes: { [NODE_TYPE]: new HuaweiCloudOcr() },
		nodes: [node],
		input: options.items ?? [{ json: {} }],
		credentialsHelper,
		staticData: options.staticData,
	});
	const output = run.data.resultData.runData[NODE_NAME]?.[0]?.data?.main ?? [];
	return {
		run,
		items: output[0] ?? [],
		errorItems: output[1] ?? [],
		outputs: output.map((items) => items ?? []),
		error: run.data.resultData.error,
		credentialsHelper,
	};
}
