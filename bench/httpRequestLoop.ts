/**
 * The overhead benchmark's second baseline: a minimal node that sends each item's file with n8n's own
 * `helpers.httpRequest` (the path n8n's HTTP Request node takes), one after another, with the same
 * signed JSON bodies as the OCR node. Run in n8n-core's engine like the OCR node.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { EMULATOR_ACCOUNT } from '../test/emulator';
import { runWorkflow } from '../test/harness/engine';
import { ocrCredentialsHelper } from '../test/harness/ocrNode';
import { benchCredentials, OPERATION, REGION, signedImageRequest } from './common';

class HttpRequestLoop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request Loop',
		name: 'httpRequestLoop',
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name: 'HTTP Request Loop' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < this.getInputData().length; index++) {
			const file = await this.helpers.getBinaryDataBuffer(index, 'data');
			const { body, headers } = signedImageRequest(url, file);
			const answer = (await this.helpers.httpRequest({ method: 'POST', url, body, headers, json: true })) as { result?: unknown };
			if (answer.result === undefined) throw new Error(`Baseline request ${index} got no result`);
			output.push({ json: { result: answer.result as never }, pairedItem: { item: index } });
		}
		return [output];
	}
}

/** Wall time of the loop node over `items`, in n8n-core's engine. */
export async function httpRequestLoop(emulator: { url: string }, items: INodeExecutionData[]): Promise<number> {
	const url = `${emulator.url}/v2/${EMULATOR_ACCOUNT.projectIds[REGION]}/ocr/${OPERATION.id}`;
	const started = performance.now();
	const run = await runWorkflow({
		nodeTypes: { httpRequestLoop: new HttpRequestLoop() },
		nodes: [{ id: 'loop', name: 'HTTP Request Loop', type: 'httpRequestLoop', typeVersion: 1, position: [0, 0], parameters: { url } }],
		input: items,
		credentialsHelper: ocrCredentialsHelper(benchCredentials(emulator)),
	});
	const wallMs = performance.now() - started;
	const error = run.data.resultData.error;
	const produced = run.data.resultData.runData['HTTP Request Loop']?.[0]?.data?.main[0]?.length ?? 0;
	if (error || produced !== items.length) throw new Error(`HTTP Request loop failed: ${error?.message ?? `${produced} of ${items.length}`}`);
	return wallMs;
}
