/** Reading Skip Duplicate Files for one item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DUPLICATE_MODES, type DuplicateMode } from './properties';

const MODES = Object.values(DUPLICATE_MODES) as string[];

export function readDuplicateMode(ctx: IExecuteFunctions, itemIndex: number): DuplicateMode {
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	const value = options.skipDuplicates ?? DUPLICATE_MODES.off;
	if (typeof value === 'string' && MODES.includes(value)) return value as DuplicateMode;
	throw new NodeOperationError(ctx.getNode(), `Skip Duplicate Files can't be ${JSON.stringify(value)} [item ${itemIndex}]`, {
		itemIndex,
		description: `Set Options → Skip Duplicate Files to one of: ${MODES.map((mode) => `"${mode}"`).join(', ')}.`,
	});
}
