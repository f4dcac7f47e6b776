/** The public shapes of the checks, and the one interface every check implements. */

/** Why an item needs a person: one failed check on one field, written for a reader. */
export interface ReviewReason {
	/** The simplified output's field name (`passport_number`, `front_number`, `machine_code2`). */
	field: string;
	/** The check's name, e.g. `mrz.documentNumber`, `luhn.cardNumber`. */
	check: string;
	message: string;
	value?: string;
	expected?: string;
	confidence?: number;
	/** A repaired value, when exactly one look-alike swap (O/0, I/1, …) makes the check pass. */
	suggestion?: string;
}

export interface CheckOutcome {
	passed: string[];
	failed: ReviewReason[];
	skipped: string[];
}

export interface CheckContext {
	/** `YYYY-MM-DD` in the workflow's timezone: expiry is judged against it. */
	today: string;
	/** Fields whose Huawei confidence is below this (0–1) need review. */
	minConfidence: number;
}

/** A failure before the check's name is attached. */
export type Finding = Omit<ReviewReason, 'check'>;

export type Verdict = { status: 'passed' } | { status: 'skipped' } | { status: 'failed'; findings: Finding[] };

export const PASSED: Verdict = { status: 'passed' };
export const SKIPPED: Verdict = { status: 'skipped' };
export function failed(...findings: Finding[]): Verdict {
	return findings.length === 0 ? PASSED : { status: 'failed', findings };
}

/** A read-only view of one result: flattened fields (`front_number`) and per-field confidence. */
export interface ResultView {
	/** The trimmed text of a field, or undefined when it is missing, null or empty. */
	text(field: string): string | undefined;
	/** The raw value of a field (arrays of entries stay arrays). */
	value(field: string): unknown;
	/** Every flattened field name. */
	fields(): string[];
	/** Huawei's confidence for a field, 0–1, when returned. */
	confidence(field: string): number | undefined;
	/** Every field that has a confidence, with it. */
	confidences(): Array<[field: string, confidence: number]>;
	/** Work several checks share (parsing the MRZ), done once per result. */
	memo<T>(key: string, compute: () => T): T;
}

export interface Check {
	/** Unique within an operation: `family.fieldInCamelCase`, e.g. `luhn.cardNumber`. */
	name: string;
	/** The field (or first field) it reads, for the README table. */
	field: string;
	/** One sentence for the README table. */
	description: string;
	run(view: ResultView, context: CheckContext): Verdict;
}
