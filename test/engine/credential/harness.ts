import type { ICredentialDataDecryptedObject, IHttpRequestHelper, INode, INodeExecutionData, IRun } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { TestCredentialsHelper, runWorkflow } from '../../harness/engine';
import { CredentialProbe, PROBE_TYPE, credentialTestNode, credentialTestNodeType } from './probeNode';

/** Like the CLI's CredentialsHelper: also runs preAuthentication whenever the node is the credential-test node. */
class CliLikeCredentialsHelper extends TestCredentialsHelper {
	async preAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, typeName: string, node: INode, expired: boolean) {
		const testing = node.type === 'n8n-nodes-base.noOp' && node.parameters.temp === '';
		if (testing && credentials.sessionToken !== '') {
			this.preAuthCalls++;
			const output = await new HuaweiCloudApi().preAuthentication.call(helpers, credentials);
			Object.assign(this.data[typeName], output);
			return { ...credentials, ...output } as ICredentialDataDecryptedObject;
		}
		return await super.preAuthentication(helpers, credentials, typeName, node, expired);
	}
}

export function credentialsHelper(data: ICredentialDataDecryptedObject): CliLikeCredentialsHelper {
	return new CliLikeCredentialsHelper({ huaweiCloudApi: new HuaweiCloudApi() }, { huaweiCloudApi: { ...data } });
}

export interface ProbeRun {
	run: IRun;
	items: INodeExecutionData[];
	errorText?: string;
}

export async function runProbe(helper: TestCredentialsHelper, bodies: object[], operation = 'general-text', timeoutMs = 10_000): Promise<ProbeRun> {
	const node: INode = {
		id: 'p',
		name: 'Probe',
		type: PROBE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { operation, timeoutMs },
		credentials: { huaweiCloudApi: { id: '1', name: 'HW' } },
	};
	const run = await runWorkflow({
		nodeTypes: { [PROBE_TYPE]: new CredentialProbe() },
		nodes: [node],
		input: bodies.map((body) => ({ json: { body } as never })),
		credentialsHelper: helper,
	});
	const error = run.data.resultData.error;
	return {
		run,
		items: run.data.resultData.runData.Probe?.[0]?.data?.main[0] ?? [],
		errorText: error ? `${error.message} ${error.description ?? ''}` : undefined,
	};
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** Runs the credential's test request the way n8n's CredentialsTester does and maps the outcome the same way. */
export async function testCredential(data: ICredentialDataDecryptedObject): Promise<CredentialTestResult & { run: IRun }> {
	const credential = new HuaweiCloudApi();
	const run = await runWorkflow({
		nodeTypes: { 'n8n-nodes-base.noOp': credentialTestNodeType(credential) },
		nodes: [credentialTestNode],
		input: [{ json: {} }],
		credentialsHelper: credentialsHelper(data),
	});
	const error = run.data.resultData.error as (Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } }) | undefined;
	if (!error) return { status: 'OK', message: 'Connection successful!', run };
	const response = error.cause?.response;
	if (response) {
		for (const rule of credential.test!.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) return { status: 'Error', message: rule.properties.message, run };
		}
		return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}`, run };
	}
	if (error.cause?.code) return { status: 'Error', message: error.cause.code, run };
	return { status: 'Error', message: error.message, run };
}
