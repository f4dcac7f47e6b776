import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeDescription } from './description';
import { executeOcr } from './executeOcr';

export class HuaweiCloudOcr implements INodeType {
	description: INodeTypeDescription = nodeDescription();

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOcr(this);
	}
}
