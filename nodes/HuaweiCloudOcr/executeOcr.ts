import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toCredentialData } from '../HuaweiCloud/credentialData';
import { CallSlots, readExecutionSettings, runItems, ThrottleGate } from './execution';
import { recognizeItem } from './recognizeItem';
import { hasReviewOutput, routeItems } from './review';

/**
 * Runs every input item through a bounded pool. Each item yields its output items (with pairedItem)
 * or, under Continue On Fail, one error item; otherwise the first failing item (in input order)
 * stops the node with its own error. With the Needs Review output, items that failed a check go there.
 */
export async function executeOcr(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const inputItems = ctx.getInputData();
	const credentials = toCredentialData(await ctx.getCredentials('huaweiCloudApi'));
	const settings = readExecutionSettings(ctx);
	const gate = new ThrottleGate();
	const continueOnFail = ctx.continueOnFail();
	const slots = new CallSlots(settings.maxConcurrency);

	const outcomes = await runItems(
		inputItems.length,
		settings,
		async (itemIndex) => await recognizeItem(ctx, itemIndex, { credentials, settings, gate, slots, continueOnFail }),
		{ stopOnFirstError: !continueOnFail },
	);

	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (outcome.ok) {
			for (const item of outcome.value) output.push({ ...item, pairedItem: { item: itemIndex } });
			continue;
		}
		if (!continueOnFail) throw asNodeError(ctx, outcome.error, itemIndex);
		output.push({ json: { error: errorDetails(outcome.error) }, pairedItem: { item: itemIndex } });
	}
	return routeItems(output, hasReviewOutput(ctx));
}

/** The error item's `error` object: code, message, hint, requestId, httpStatus. */
function errorDetails(error: unknown): IDataObject {
	const context = (error as { context?: IDataObject }).context ?? {};
	// Huawei and credential failures carry their details, on the n8n error's context or on the credential's own error.
	const huawei = (context.huaweiError ?? (error as { huaweiError?: IDataObject }).huaweiError) as IDataObject | undefined;
	if (huawei) {
		return {
			code: huawei.code,
			message: huawei.message,
			hint: huawei.hint,
			requestId: huawei.requestId,
			httpStatus: huawei.httpStatus,
		};
	}
	const { message, description } = error as { message?: string; description?: string };
	return { code: 'INVALID_INPUT', message, hint: description ?? undefined };
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
