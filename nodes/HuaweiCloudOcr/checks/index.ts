/*
 * NOTES for the wiring (part 2): API is stable; bodies are being filled in.
 */
export interface ReviewReason {
	field: string;
	check: string;
	message: string;
	value?: string;
	expected?: string;
	confidence?: number;
	suggestion?: string;
}

export interface CheckOutcome {
	passed: string[];
	failed: ReviewReason[];
	skipped: string[];
}

export interface CheckContext {
	/** YYYY-MM-DD in the workflow timezone */
	today: string;
	minConfidence: number;
}

export function runChecks(
	_operationId: string,
	_rawResult: unknown,
	_context: CheckContext,
): CheckOutcome {
	return { passed: [], failed: [], skipped: [] };
}

export function normalizedValues(_operationId: string, _rawResult: unknown): Record<string, unknown> {
	return {};
}

export function checksFor(_operationId: string): { check: string; field: string; description: string }[] {
	return [];
}

export function huaweiSignalOptions(_operationId: string): string[] {
	return [];
}
