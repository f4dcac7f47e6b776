import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readAccountLimits, toCredentialData } from '../HuaweiCloud/credentialData';
import { DuplicateReads, ReadFiles } from './duplicates';
import { errorDetails } from './errorItem';
import type { ExecutionSettings } from './execution';
import { BilledCalls, CallSlots, causeOfStop, ExecutionPacing, readExecutionSettings, runItems, StopSignal } from './execution';
import type { PageOutcome } from './readPages';
import { recognizeItem } from './recognizeItem';
import { hasReviewOutput, routeItems } from './review';

/**
 * Runs every input item through a bounded pool. Each item yields its output items (with pairedItem)
 * or, under Continue On Fail, one error item; otherwise the first failing item (in input order)
 * stops the node with its own error, no further call starts once a failure is seen, and the error
 * lists the calls already billed. With the Needs Review output, items that failed a check go there.
 */
export async function executeOcr(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const inputItems = ctx.getInputData();
	const rawCredentials = await ctx.getCredentials('huaweiCloudApi');
	const credentials = toCredentialData(rawCredentials);
	const continueOnFail = ctx.continueOnFail();
	let settings: ExecutionSettings;
	try {
		settings = readExecutionSettings(ctx);
	} catch (error) {
		// The pool options hold for every item, so every item gets the error.
		if (!continueOnFail) throw asNodeError(ctx, error, 0);
		const errorItems = inputItems.map((_item, itemIndex) => ({ json: { error: errorDetails(error) }, pairedItem: { item: itemIndex } }));
		return routeItems(errorItems, hasReviewOutput(ctx));
	}
	// The node's Max Concurrent Requests bounds this execution; the account's pacing is shared process-wide.
	const pacing = new ExecutionPacing(new CallSlots(settings.maxConcurrency), readAccountLimits(rawCredentials));
	const stop = new StopSignal(!continueOnFail);
	const billed = new BilledCalls();
	const duplicateReads = new DuplicateReads<PageOutcome[]>();
	let readFiles: ReadFiles | undefined;
	const context = {
		credentials,
		settings,
		pacing,
		continueOnFail,
		stop,
		billed,
		duplicateReads,
		readFiles: () => (readFiles ??= new ReadFiles(ctx.getWorkflowStaticData('node'))),
	};

	const outcomes = await runItems(
		inputItems.length,
		settings,
		async (itemIndex) => await stop.watch(async () => await recognizeItem(ctx, itemIndex, context)),
		{ stopOnFirstError: !continueOnFail },
	);
	const cause = continueOnFail ? undefined : causeOfStop(outcomes);
	if (cause) throw withBilledCalls(asNodeError(ctx, cause.error, cause.itemIndex), billed);

	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (outcome.ok) {
			for (const item of outcome.value) output.push({ ...item, pairedItem: { item: itemIndex } });
			continue;
		}
		output.push({ json: { error: errorDetails(outcome.error) }, pairedItem: { item: itemIndex } });
	}
	return routeItems(output, hasReviewOutput(ctx));
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** The answers billed before the node stopped are lost: say so, with their request IDs, to reconcile the bill. */
function withBilledCalls(error: NodeApiError | NodeOperationError, billed: BilledCalls) {
	const note = billed.stopNote();
	if (note === undefined) return error;
	error.description = [error.description, note].filter(Boolean).join(' ');
	error.context.billedRequestIds = billed.requestIds;
	return error;
}
