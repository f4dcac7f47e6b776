import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './description/properties';
import { executeOcr } from './executeOcr';
import { NODE_OUTPUTS } from './review';
import { DEFAULT_VERSION, NODE_VERSIONS } from './versions';

export class HuaweiCloudOcr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud OCR',
		name: 'huaweiCloudOcr',
		icon: { light: 'file:../HuaweiCloud/huaweicloud.svg', dark: 'file:../HuaweiCloud/huaweicloud.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: DEFAULT_VERSION,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read text, tables, ID documents, licences, invoices and receipts with Huawei Cloud OCR',
		defaults: { name: 'Huawei Cloud OCR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: NODE_OUTPUTS,
		credentials: [{ name: 'huaweiCloudApi', required: true }],
		properties: nodeProperties(),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOcr(this);
	}
}
