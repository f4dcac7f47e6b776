import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ocrBaseUrl } from '../HuaweiCloud/endpoints';
import { HuaweiCredentialError } from '../HuaweiCloud/errors';
import { hintFor } from '../HuaweiCloud/hints';
import { resolveProjectId } from '../HuaweiCloud/iam';
import { REGION_ID_HINT, isRegionId } from '../HuaweiCloud/regions';
import { invalidCredentialRegion, signatureFailureOf } from '../HuaweiCloud/session';
import { huaweiRequest } from '../HuaweiCloud/transport';
import type { HuaweiCredentialData, HuaweiErrorInfo } from '../HuaweiCloud/types';
import { operationByValue, operationForRegion, regionProblem } from './catalog';
import { operationParameters, readRecognitionFields } from './catalog/parameters';
import { fieldsForChecks, selectedPage } from './catalog/requestBody';
import type { OcrOperation } from './catalog/types';
import type { ExecutionSettings, ThrottleGate } from './execution';
import { callWithRetries } from './execution';
import type { ResolvedInput } from './input';
import { resolveInput } from './input';
import { readOutputSettings, shapeOutput } from './output';
import { annotateItems, readReviewSettings } from './review';

export interface ItemContext {
	credentials: HuaweiCredentialData;
	settings: ExecutionSettings;
	gate: ThrottleGate;
}

/** Recognizes one input item: checks, one (retried) paid call, shaped output. */
export async function recognizeItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ credentials, settings, gate }: ItemContext,
): Promise<INodeExecutionData[]> {
	const operation = operationByValue(ctx.getNodeParameter('operation', itemIndex) as string);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const region = targetRegion(ctx, itemIndex, credentials, options);
	const unavailable = regionProblem(operation, region);
	if (unavailable) {
		throw new NodeOperationError(ctx.getNode(), unavailable, { itemIndex });
	}

	const recognition = readRecognitionFields(ctx, itemIndex, operation);
	const reviewSettings = readReviewSettings(ctx, itemIndex);
	// Read before the paid call: a wrong output option must not cost a billed answer.
	const outputSettings = readOutputSettings(ctx, itemIndex, operation);
	const input =
		operation.fileField === 'none'
			? undefined
			: await resolveInput(ctx, itemIndex, operationForRegion(operation, region), {
					region,
					pageNumber: selectedPage(operation, operationParameters(ctx, itemIndex, operation)),
					downloadTimeoutMs: settings.timeoutMs,
				});
	const body: IDataObject = {
		...fileFields(operation, input),
		...recognition,
		...(reviewSettings.checkResults ? fieldsForChecks(operation) : {}),
	};

	const projectId = await resolveProjectId(ctx, credentials, region);
	const url = `${ocrBaseUrl(credentials, region)}/v2/${projectId}/ocr/${operation.id}`;
	const headers: Record<string, string> = {};
	if (options.enterpriseProjectId) headers['Enterprise-Project-Id'] = String(options.enterpriseProjectId);

	const response = await callWithRetries(settings, gate, async () =>
		await huaweiRequest(ctx, {
			method: 'POST',
			url,
			body,
			headers,
			timeoutMs: settings.timeoutMs,
			// IAM tokens are refreshed by n8n when a call throws a 401; signed calls have nothing to refresh.
			answersErrors: credentials.authType !== 'password',
		}),
	);
	if (!response.ok) {
		const error = signatureFailureOf(response.error, credentials, new Date()) ?? response.error;
		throw huaweiFailure(ctx, itemIndex, operation, region, error);
	}
	const result = (response.body as IDataObject).result;
	const items = await shapeOutput(ctx, itemIndex, operation, {
		result,
		requestId: response.requestId,
		sourceFileName: input?.kind === 'file' ? input.fileName : undefined,
	}, outputSettings);
	return annotateItems(operation.id, result, items, reviewSettings, outputSettings.simplify);
}

function targetRegion(
	ctx: IExecuteFunctions,
	itemIndex: number,
	credentials: HuaweiCredentialData,
	options: IDataObject,
): string {
	const override = String(options.region ?? '').trim();
	if (!isRegionId(credentials.region)) throw new HuaweiCredentialError(invalidCredentialRegion(credentials.region));
	if (!override || override === credentials.region) return credentials.region;
	if (!isRegionId(override)) {
		throw new NodeOperationError(ctx.getNode(), `Options → Region "${override}" is not a region ID`, { itemIndex, description: REGION_ID_HINT });
	}
	if (credentials.authType === 'password') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The region can't be changed to ${override} with an IAM password credential`,
			{
				itemIndex,
				description:
					"An IAM token is valid for the credential's own region only. Use an AK/SK credential to call other regions, or create a credential for that region.",
			},
		);
	}
	return override;
}

function fileFields(operation: OcrOperation, input: ResolvedInput | undefined): IDataObject {
	if (!input) return {};
	if (input.kind === 'url') return { url: input.url };
	return { [operation.fileField]: input.base64 };
}

/** An API failure as a NodeApiError that carries the Huawei details for error items. */
function huaweiFailure(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: OcrOperation,
	region: string,
	error: HuaweiErrorInfo,
): NodeApiError {
	const hint = error.hint ?? hintFor(error, { operationName: operation.name, region });
	const details: HuaweiErrorInfo = { ...error, hint };
	const failure = new NodeApiError(ctx.getNode(), details as unknown as JsonObject, {
		itemIndex,
		message: `${operation.name} failed: ${error.message} (${error.code})`,
		description: [hint, error.requestId ? `Request ID: ${error.requestId}` : undefined]
			.filter(Boolean)
			.join(' '),
		httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
	});
	failure.context.huaweiError = details as unknown as IDataObject;
	return failure;
}
