/** Which output each item goes to. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { needsReview } from './annotate';

/**
 * Whether this node has the Needs Review output: decided by the outputs n8n resolved for it, so the
 * routing always matches what the editor shows. An AI tool has one answer (n8n reads only the first
 * output), so the checks summary on each item is how an agent learns about failed checks.
 */
export function hasReviewOutput(ctx: IExecuteFunctions): boolean {
	// n8n 1.x has no isToolExecution(); there a tool's only output is ai_tool, so the count below decides.
	if (ctx.isToolExecution?.()) return false;
	const mainOutputs = ctx.getNodeOutputs().filter((output) => output.type === 'main' && output.category !== 'error');
	return mainOutputs.length > 1;
}

/** A file an earlier execution already read (Skip Duplicate Files → Also Across Executions): a person decides. */
function isRepeatedFile(item: INodeExecutionData): boolean {
	const duplicate = item.json.duplicate;
	return typeof duplicate === 'object' && duplicate !== null;
}

/**
 * Main and Needs Review: an item with a failed check, or a file read by an earlier execution, goes to
 * Needs Review; every other item (errors too) to Main.
 */
export function routeItems(items: INodeExecutionData[], reviewOutput: boolean): INodeExecutionData[][] {
	if (!reviewOutput) return [items];
	const main: INodeExecutionData[] = [];
	const review: INodeExecutionData[] = [];
	for (const item of items) (needsReview(item) || isRepeatedFile(item) ? review : main).push(item);
	return [main, review];
}
