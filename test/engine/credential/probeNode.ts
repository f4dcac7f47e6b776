/**
 * Test-only nodes that drive the credential through n8n's real engine: one calls
 * resolveProjectId + huaweiRequest per item (all items at once), one mirrors the node the n8n CLI
 * builds for a credential test (a NoOp copy whose only property routes the credential's test request).
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { ICredentialType, IExecuteFunctions, INode, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { toCredentialData } from '../../../nodes/HuaweiCloud/credentialData';
import { ocrBaseUrl } from '../../../nodes/HuaweiCloud/endpoints';
import { resolveProjectId } from '../../../nodes/HuaweiCloud/iam';
import { huaweiRequest } from '../../../nodes/HuaweiCloud/transport';

export const PROBE_TYPE = 'huaweiCredentialProbe';

export class CredentialProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Credential Probe',
		name: PROBE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Test-only',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'huaweiCloudApi', required: true }],
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'general-text' },
			{ displayName: 'Timeout (Ms)', name: 'timeoutMs', type: 'number', default: 10_000 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const cred = toCredentialData(await this.getCredentials('huaweiCloudApi'));
		const results = await Promise.all(
			items.map(async (item, index) => {
				const projectId = await resolveProjectId(this, cred, cred.region);
				const operation = this.getNodeParameter('operation', index) as string;
				const response = await huaweiRequest(this, {
					method: 'POST',
					url: `${ocrBaseUrl(cred, cred.region)}/v2/${projectId}/ocr/${operation}`,
					body: item.json.body as object,
					timeoutMs: this.getNodeParameter('timeoutMs', index) as number,
				});
				return { json: { projectId, response } as never, pairedItem: { item: index } };
			}),
		);
		return [results];
	}
}

/** The NoOp copy n8n's CredentialsTester runs; its type name makes the helper treat it as a test. */
export function credentialTestNodeType(credential: ICredentialType = new HuaweiCloudApi()): INodeType {
	return {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: 'Temp',
			defaults: { name: 'Temp-Node' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'huaweiCloudApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: credential.test!.request }, default: '' }],
		},
	};
}

export const credentialTestNode: INode = {
	id: 'temp',
	name: 'Temp-Node',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { huaweiCloudApi: { id: '1', name: 'HW' } },
};
