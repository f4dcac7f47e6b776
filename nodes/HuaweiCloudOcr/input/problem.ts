import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/**
 * A rejected input, before it becomes an n8n error: `message` says what was found and what is accepted,
 * `description` says what to do. Pure checks return it so they can be tested without a node.
 */
export class InputProblem {
	constructor(
		readonly message: string,
		readonly description: string,
	) {}
}

/** The item-scoped n8n error for a problem; n8n does not add the item to the message itself, so we do. */
export function inputError(node: INode, itemIndex: number, problem: InputProblem): NodeOperationError {
	return new NodeOperationError(node, `${problem.message} [item ${itemIndex}]`, {
		itemIndex,
		description: problem.description,
	});
}
