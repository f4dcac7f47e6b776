import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RECOGNITION_OPTIONS, isTopLevelOption } from './properties';
import { RecognitionOptionError, recognitionFields } from './requestBody';
import type { OcrOperation } from './types';

/**
 * The user's values for the operation's options, keyed by option name: the Recognition Options
 * collection plus the operation's top-level fields. Feed it to `recognitionFields`.
 */
export function operationParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: OcrOperation,
): IDataObject {
	const collection = operation.options.some((option) => !isTopLevelOption(option))
		? (ctx.getNodeParameter(RECOGNITION_OPTIONS, itemIndex, {}) as IDataObject)
		: {};
	const params: IDataObject = { ...collection };
	for (const option of operation.options.filter(isTopLevelOption)) {
		params[option.name] = ctx.getNodeParameter(option.name, itemIndex, option.default) as IDataObject[string];
	}
	return params;
}

/**
 * The request-body fields for this item's options (collection and top-level fields), with an
 * invalid value reported as a NodeOperationError for the item.
 */
export function readRecognitionFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: OcrOperation,
): IDataObject {
	const params = operationParameters(ctx, itemIndex, operation);
	try {
		return recognitionFields(operation, params);
	} catch (error) {
		const description = error instanceof RecognitionOptionError ? error.description : undefined;
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex, description });
	}
}
