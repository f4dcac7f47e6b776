/**
 * Per-test answers: a test sets the result an operation answers with (a document with a failing
 * check digit, an alarm, a low confidence …) until it is cleared, or chooses per request: a function
 * sees each request's file and page and answers for it (undefined: the emulator reads the file as
 * usual), and `next` queues answers for the operation's next requests, one each. So one run can mix
 * a good and a bad document of the same kind. Every answer must be a shape Huawei's SDK allows, and
 * fields the request did not ask for (alarm findings, confidence where it is a request option, …)
 * are left out of the answer, as the real service does.
 */
import type { OperationSpec } from '../spec/operations';
import { sdkShapeProblems } from './sdkShape';
import { fieldRequested } from './templates';

/** What an answer function knows of one request besides its options. */
export interface AnswerRequest {
	/** The file the request carries (decoded Base64, or the download of its URL). */
	file?: Buffer;
	/** For a PDF, the page the request reads (1-based). */
	pageNumber?: number;
}

/** A fixed result, or one built per request (undefined: no answer for this request). */
export type Answer = unknown | ((options: Record<string, unknown>, request: AnswerRequest) => unknown);

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

type AnswerFunction = (options: Record<string, unknown>, request: AnswerRequest) => unknown;

export class Answers {
	private readonly byOperation = new Map<string, Answer>();
	private readonly queued = new Map<string, unknown[]>();

	/** Throws UnshapedAnswerError for a fixed result the SDK models do not allow. */
	set(operation: string, answer: Answer): void {
		this.byOperation.set(operation, typeof answer === 'function' ? answer : checked(operation, answer));
	}

	/** Answers for the operation's next requests, one each, in the order they arrive; then `set`'s answer applies again. */
	next(operation: string, ...results: unknown[]): void {
		const checkedResults = results.map((result) => checked(operation, result));
		this.queued.set(operation, [...(this.queued.get(operation) ?? []), ...checkedResults]);
	}

	clear(): void {
		this.byOperation.clear();
		this.queued.clear();
	}

	/** The answer for this request, or undefined when the test set none (or its function gave none). */
	answer(spec: OperationSpec, options: Record<string, unknown>, request: AnswerRequest = {}): unknown {
		const result = this.queued.get(spec.id)?.shift() ?? this.fromSetAnswer(spec.id, options, request);
		if (result === undefined) return undefined;
		return requestedOnly(spec, JSON.parse(JSON.stringify(result)) as unknown, options);
	}

	private fromSetAnswer(operation: string, options: Record<string, unknown>, request: AnswerRequest): unknown {
		if (!this.byOperation.has(operation)) return undefined;
		const answer = this.byOperation.get(operation);
		if (typeof answer !== 'function') return answer;
		const result = (answer as AnswerFunction)(options, request);
		return result === undefined ? undefined : checked(operation, result);
	}
}
