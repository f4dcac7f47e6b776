/**
 * Per-test answers: a test sets the result an operation answers with (a document with a failing
 * check digit, an alarm, a low confidence …) until it is cleared. Every answer must be a shape
 * Huawei's SDK allows, and fields the request did not ask for (alarm findings, confidence where it
 * is a request option, …) are left out of the answer, as the real service does.
 */
import type { OperationSpec } from '../spec/operations';
import { sdkShapeProblems } from './sdkShape';
import { fieldRequested } from './templates';

/** A fixed result, or one built from the request's options. */
export type Answer = unknown | ((options: Record<string, unknown>) => unknown);

export class UnshapedAnswerError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function requestedOnly(spec: OperationSpec, result: unknown, options: Record<string, unknown>): unknown {
	if (Array.isArray(result)) return result.map((entry) => requestedOnly(spec, entry, options));
	if (!isObject(result)) return result;
	return Object.fromEntries(Object.entries(result).filter(([key]) => fieldRequested(spec, key, options)));
}

function checked(operation: string, result: unknown): unknown {
	const problems = sdkShapeProblems(operation, result);
	if (problems.length > 0) {
		throw new UnshapedAnswerError(`The answer for ${operation} is not a shape Huawei's SDK allows: ${problems.join('; ')}`);
	}
	return JSON.parse(JSON.stringify(result)) as unknown;
}

export class Answers {
	private readonly byOperation = new Map<string, Answer>();

	/** Throws UnshapedAnswerError for a fixed result the SDK models do not allow. */
	set(operation: string, answer: Answer): void {
		this.byOperation.set(operation, typeof answer === 'function' ? answer : checked(operation, answer));
	}

	clear(): void {
		this.byOperation.clear();
	}

	/** The answer for this request, or undefined when the test set none. */
	answer(spec: OperationSpec, options: Record<string, unknown>): unknown {
		if (!this.byOperation.has(spec.id)) return undefined;
		const answer = this.byOperation.get(spec.id);
		const result = typeof answer === 'function' ? checked(spec.id, (answer as (o: Record<string, unknown>) => unknown)(options)) : answer;
		return requestedOnly(spec, JSON.parse(JSON.stringify(result)) as unknown, options);
	}
}
