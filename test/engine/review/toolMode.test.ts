/**
 * The node as an AI agent's tool, the way n8n runs it: an agent node asks n8n-core for its connected
 * tools, n8n wraps our node (createNodeAsTool) and runs it in a SupplyDataContext. n8n reads only the
 * first output of a tool, so the checks summary has to be in the answer itself, even on a version 1.1
 * node whose Needs Review output is on.
 */
import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { HuaweiCloudOcr } from '../../../nodes/HuaweiCloudOcr/HuaweiCloudOcr.node';
import { VIN } from '../../emulator/documents';
import { png } from '../../fixtures/syntheticFiles';
import { runWorkflow } from '../../harness/engine';
import { emulatorCredentials, ocrCredentialsHelper } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

const emulatorOf = useEmulator();

/** The tool variant n8n's CLI generates from a node with usableAsTool (tool-generation/ai-tools). */
function toolVariant(node: HuaweiCloudOcr): INodeType {
	const description = node.description as INodeTypeDescription;
	return {
		description: { ...description, name: `${description.name}Tool`, inputs: [], outputs: ['ai_tool'] },
		execute: node.execute,
	};
}

/** An agent that calls its first tool once and returns the tool's answer. */
const agent: INodeType = {
	description: {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls its tool once',
		defaults: { name: 'Agent' },
		inputs: ['main', { type: 'ai_tool', displayName: 'Tools' }],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const connected = (await this.getInputConnectionData('ai_tool', 0)) as unknown;
		const tools = (Array.isArray(connected) ? connected : [connected]) as Array<{ invoke(args: object): Promise<string> }>;
		return [[{ json: { answer: await tools[0].invoke({}) } }]];
	},
};

it("answers the agent with each item's checks and review reasons", async () => {
	emulatorOf().answerWith('vin', VIN.wrongCheckDigit);
	const credentials = emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' });
	const run = await runWorkflow({
		nodeTypes: { testAgent: agent, huaweiCloudOcrTool: toolVariant(new HuaweiCloudOcr()) },
		nodes: [
			{ id: 'agent', name: 'Agent', type: 'testAgent', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'tool',
				name: 'Read VIN',
				type: 'huaweiCloudOcrTool',
				typeVersion: 1.1,
				position: [0, 200],
				parameters: {
					resource: 'vehicle',
					operation: 'vin',
					inputSource: 'base64',
					base64Data: png(200, 200).toString('base64'),
				},
				credentials: { huaweiCloudApi: { id: '1', name: 'Huawei Cloud' } },
			},
		],
		connections: { 'Read VIN': { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] } },
		input: [{ json: {} }],
		credentialsHelper: ocrCredentialsHelper(credentials),
	});

	expect(run.data.resultData.error).toBeUndefined();
	const answer = run.data.resultData.runData.Agent[0].data!.main[0]![0].json.answer as string;
	const items = JSON.parse(answer) as Array<Record<string, unknown>>;
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({
		vin: VIN.wrongCheckDigit.vin,
		checks: { failed: ['vin.vinCheckDigit'] },
		review: { reasons: [expect.objectContaining({ field: 'vin', check: 'vin.vinCheckDigit', expected: 'X' })] },
	});
	expect(emulatorOf().requests.filter((request) => request.operation === 'vin' && request.status === 200)).toHaveLength(1);
});
