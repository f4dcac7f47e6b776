import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ocrBaseUrl } from '../HuaweiCloud/endpoints';
import { HuaweiCredentialError } from '../HuaweiCloud/errors';
import { hintFor } from '../HuaweiCloud/hints';
import { resolveProjectId } from '../HuaweiCloud/iam';
import { REGION_ID_HINT, isRegionId } from '../HuaweiCloud/regions';
import { identityLabel } from '../HuaweiCloud/credentialData';
import { invalidCredentialRegion, signatureFailureOf } from '../HuaweiCloud/session';
import { huaweiRequest } from '../HuaweiCloud/transport';
import type { HuaweiCredentialData, HuaweiErrorInfo } from '../HuaweiCloud/types';
import { operationByValue, operationForRegion, regionProblem } from './catalog';
import { operationParameters, readRecognitionFields } from './catalog/parameters';
import { fieldsForChecks, selectedPage } from './catalog/requestBody';
import type { OcrOperation } from './catalog/types';
import type { DuplicateReads, ReadFiles } from './duplicates';
import { DUPLICATE_MODES, fileFingerprint, readDuplicateMode } from './duplicates';
import type { BilledCalls, ExecutionPacing, ExecutionSettings, StopSignal } from './execution';
import { isConsequenceOfStop } from './execution';
import { resolveInput } from './input';
import { inputError, InputProblem } from './input/problem';
import { readOutputSettings, shapeOutput } from './output';
import { costOf, NO_COST, withBookkeeping } from './output/bookkeeping';
import type { PageFailure, PagedDocument } from './output/pages/documentOutput';
import { shapeDocumentOutput, shapePageOutputs } from './output/pages/documentOutput';
import type { PagePlan } from './pages';
import { PAGE_MODES, PAGES_AS, planPages, readPageSettings, readsDocumentPages } from './pages';
import { annotateDocument } from './pages/review';
import { type PageOutcome, readPages } from './readPages';
import { annotateItems, readReviewSettings } from './review';
import { hasCostAndCleanRows } from './versions';

export interface ItemContext {
	credentials: HuaweiCredentialData;
	settings: ExecutionSettings;
	/** The execution's slots (pages and items share one concurrency limit) and the account's shared gate and budget. */
	pacing: ExecutionPacing;
	continueOnFail: boolean;
	/** The execution's: once a failure stops the node, no further call starts. */
	stop: StopSignal;
	billed: BilledCalls;
	/** Skip Duplicate Files: the reads of this execution, by file fingerprint. */
	duplicateReads: DuplicateReads<PageOutcome[]>;
	/** Skip Duplicate Files → Also Across Executions: the files earlier executions read (loaded on first use). */
	readFiles: () => ReadFiles;
}

/** Recognizes one input item: checks, a page plan, one (retried) paid call per page, shaped output. */
export async function recognizeItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	context: ItemContext,
): Promise<INodeExecutionData[]> {
	const { credentials, settings, pacing, continueOnFail, stop, billed } = context;
	const operation = operationByValue(ctx.getNodeParameter('operation', itemIndex) as string);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const region = targetRegion(ctx, itemIndex, credentials, options);
	const unavailable = regionProblem(operation, region);
	if (unavailable) {
		throw new NodeOperationError(ctx.getNode(), unavailable, { itemIndex });
	}

	const recognition = readRecognitionFields(ctx, itemIndex, operation);
	const pageSettings = readPageSettings(ctx, itemIndex, operation);
	const pageNumber = selectedPage(operation, operationParameters(ctx, itemIndex, operation));
	const reviewSettings = readReviewSettings(ctx, itemIndex);
	const duplicateMode = readDuplicateMode(ctx, itemIndex);
	const newOutput = hasCostAndCleanRows(ctx.getNode().typeVersion);
	// Read before the paid call: a wrong output option must not cost a billed answer.
	const outputSettings = readOutputSettings(ctx, itemIndex, operation);
	const input =
		operation.fileField === 'none'
			? undefined
			: await resolveInput(ctx, itemIndex, operationForRegion(operation, region), {
					region,
					pageNumber: pageSettings.mode === PAGE_MODES.first ? pageNumber : undefined,
					splitsPdf: readsDocumentPages(operation),
					downloadTimeoutMs: settings.timeoutMs,
				});
	const plan = withInputProblems(ctx, itemIndex, () =>
		planPages({
			op: operation,
			input,
			settings: pageSettings,
			selectedPage: pageNumber,
			recognition: { ...recognition, ...(reviewSettings.checkResults ? fieldsForChecks(operation) : {}) },
		}),
	);

	// What makes two reads the same: everything that goes into the request (files Huawei downloads itself are always read).
	const fingerprint =
		duplicateMode !== DUPLICATE_MODES.off && input?.kind === 'file'
			? fileFingerprint(input.bytes, { operation: operation.id, region, pages: pageSettings, pageNumber, recognition, checks: reviewSettings.checkResults })
			: undefined;
	const acrossExecutions = fingerprint !== undefined && duplicateMode === DUPLICATE_MODES.executions;
	const readBefore = acrossExecutions ? context.readFiles().readBefore(fingerprint) : undefined;
	if (readBefore) {
		return [{ json: { duplicate: { ...readBefore }, ...(newOutput ? { cost: { ...NO_COST } } : {}) } }];
	}

	const projectId = await resolveProjectId(ctx, credentials, region);
	const url = `${ocrBaseUrl(credentials, region)}/v2/${projectId}/ocr/${operation.id}`;
	const headers: Record<string, string> = {};
	if (options.enterpriseProjectId) headers['Enterprise-Project-Id'] = String(options.enterpriseProjectId);

	const read = async () => {
		// Leased only while this item's pages are read: a copy of a file already being read leases nothing.
		const calls = pacing.forTarget({ identity: `${credentials.authType}:${identityLabel(credentials)}`, region, url });
		return await readPages(plan, {
			settings,
			gate: calls.gate,
			slots: calls.slots,
			stopOnFirstError: !continueOnFail || !plan.paged,
			stop,
			billed,
			send: async (body) =>
				await huaweiRequest(ctx, {
					method: 'POST',
					url,
					body,
					headers,
					timeoutMs: settings.timeoutMs,
					// IAM tokens are refreshed by n8n when a call throws a 401; signed calls have nothing to refresh.
					answersErrors: credentials.authType !== 'password',
				}),
		}).finally(calls.release);
	};
	const shared = fingerprint ? context.duplicateReads.share(fingerprint, itemIndex, read) : { work: read(), duplicateOf: undefined };
	const outcomes = await shared.work;
	// Only a file read whole is remembered: a document with a failed page is read again next time.
	if (acrossExecutions && shared.duplicateOf === undefined && outcomes.every((outcome) => outcome.ok)) {
		context.readFiles().remember(fingerprint, firstRequestId(outcomes), new Date());
	}
	const bookkeeping = (items: INodeExecutionData[], pagesAsItems = false) =>
		withBookkeeping(items, {
			newOutput,
			tableRows: outputSettings.split && operation.result.hasTables === true,
			cost: pagesAsItems ? (page) => costOf(outcomes.filter((outcome) => outcome.page === page)) : costOf(outcomes),
			duplicateOf: shared.duplicateOf,
			rowMetadata: outputSettings.rowMetadata,
		});
	const sourceFileName = input?.kind === 'file' ? input.fileName : undefined;
	const failure = (outcome: Extract<PageOutcome, { ok: false }>) =>
		pageFailure(ctx, itemIndex, { operation, region, plan, credentials }, outcome);

	const { simplify } = outputSettings;
	if (!plan.paged) {
		const [outcome] = outcomes;
		if (!outcome.ok) throw failure(outcome);
		const items = await shapeOutput(ctx, itemIndex, operation, { result: outcome.result, requestId: outcome.requestId, sourceFileName }, outputSettings);
		return bookkeeping(annotateItems(operation.id, outcome.result, items, reviewSettings, simplify));
	}

	const failed = outcomes.filter((outcome): outcome is Extract<PageOutcome, { ok: false }> => !outcome.ok);
	const firstFailure = failed.find((outcome) => !('error' in outcome && isConsequenceOfStop(outcome.error))) ?? failed[0];
	if (firstFailure && (!continueOnFail || failed.length === outcomes.length)) throw failure(firstFailure);

	const document: PagedDocument = {
		pageCount: plan.pageCount,
		answers: outcomes.flatMap((outcome) => (outcome.ok ? [outcome] : [])),
		failures: failed.map((outcome) => failureEntry(failure(outcome), outcome.page)),
		sourceFileName,
		tolerateFailures: continueOnFail,
	};
	if (pageSettings.pagesAs === PAGES_AS.page) {
		const pageItems = await shapePageOutputs(ctx, itemIndex, operation, document, (result, items) =>
			annotateItems(operation.id, result, items, reviewSettings, simplify),
		);
		return bookkeeping(pageItems, true);
	}
	const items = await shapeDocumentOutput(ctx, itemIndex, operation, document);
	return bookkeeping(annotateDocument(operation.id, document.answers, items, reviewSettings, simplify));
}

function firstRequestId(outcomes: readonly PageOutcome[]): string | undefined {
	for (const outcome of outcomes) if (outcome.ok && outcome.requestId) return outcome.requestId;
	return undefined;
}

function withInputProblems<T>(ctx: IExecuteFunctions, itemIndex: number, work: () => T): T {
	try {
		return work();
	} catch (error) {
		throw error instanceof InputProblem
			? inputError(ctx.getNode(), itemIndex, error)
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
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

interface CallScope {
	operation: OcrOperation;
	region: string;
	plan: PagePlan;
	credentials: HuaweiCredentialData;
}

/** "page 3 of 5" for a document read page by page; nothing for a single file. */
function pageLabel(plan: PagePlan, page: number): string | undefined {
	if (!plan.paged) return undefined;
	return plan.pageCount === undefined ? `page ${page}` : `page ${page} of ${plan.pageCount}`;
}

/** A page's failure as the n8n error that stops the node (or becomes the item's error). */
function pageFailure(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ operation, region, plan, credentials }: CallScope,
	outcome: Extract<PageOutcome, { ok: false }>,
): NodeApiError | NodeOperationError {
	const label = pageLabel(plan, outcome.page);
	if ('huaweiError' in outcome) {
		const error = signatureFailureOf(outcome.huaweiError, credentials, new Date()) ?? outcome.huaweiError;
		return huaweiFailure(ctx, itemIndex, operation, region, error, label);
	}
	if (outcome.error instanceof InputProblem) {
		return inputError(ctx.getNode(), itemIndex, outcome.error);
	}
	if (outcome.error instanceof NodeApiError || outcome.error instanceof NodeOperationError) return outcome.error;
	const message = (outcome.error as Error).message;
	return new NodeOperationError(ctx.getNode(), label ? `${message} (${label})` : message, { itemIndex });
}

/** The `errors` entry of a page that failed under Continue On Fail. */
function failureEntry(error: NodeApiError | NodeOperationError, page: number): PageFailure {
	const huawei = error.context.huaweiError as HuaweiErrorInfo | undefined;
	if (huawei) return { page, code: huawei.code, message: huawei.message, requestId: huawei.requestId, hint: huawei.hint };
	return { page, code: 'INVALID_INPUT', message: error.message, hint: error.description ?? undefined };
}

/** An API failure as a NodeApiError that carries the Huawei details for error items. */
function huaweiFailure(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: OcrOperation,
	region: string,
	error: HuaweiErrorInfo,
	pageLabel?: string,
): NodeApiError {
	const hint = error.hint ?? hintFor(error, { operationName: operation.name, region });
	const details: HuaweiErrorInfo = { ...error, hint };
	const where = pageLabel ? ` on ${pageLabel}` : '';
	const failure = new NodeApiError(ctx.getNode(), details as unknown as JsonObject, {
		itemIndex,
		message: `${operation.name} failed${where}: ${error.message} (${error.code})`,
		description: [hint, error.requestId ? `Request ID: ${error.requestId}` : undefined]
			.filter(Boolean)
			.join(' '),
		httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
	});
	failure.context.huaweiError = details as unknown as IDataObject;
	return failure;
}
