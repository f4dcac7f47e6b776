import { ExpressionError, NodeOperationError, UserError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

/** Errors that mean the input or the parameters are wrong: our own checks, n8n's expression errors. */
function isInputProblem(error: unknown): boolean {
	return error instanceof NodeOperationError || error instanceof ExpressionError || error instanceof UserError;
}

/** The error item's `error` object: code, message, hint, requestId, httpStatus. */
export function errorDetails(error: unknown): IDataObject {
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
	if (isInputProblem(error)) return { code: 'INVALID_INPUT', message, hint: description ?? undefined };
	return {
		code: 'UNEXPECTED_ERROR',
		message: message ?? String(error),
		hint: 'This is not a problem with the input: retry the item, and if it keeps failing, report the message to the node maintainers.',
	};
}
