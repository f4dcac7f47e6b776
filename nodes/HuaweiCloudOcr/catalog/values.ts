/**
 * Strict reading of parameter values that may come from expressions: a boolean or the text
 * "true"/"false", a number or numeric text. Anything else is refused with the parameter's name and
 * the value, instead of being coerced into something the user did not ask for.
 * Unset values (undefined, null) take the parameter's default.
 */

/** A parameter value of the wrong type or outside what the parameter accepts. */
export class ParameterValueError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'ParameterValueError';
	}
}

function shown(raw: unknown): string {
	const text = JSON.stringify(raw) ?? String(raw);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function readBoolean(label: string, raw: unknown, fallback: boolean): boolean {
	if (raw === undefined || raw === null) return fallback;
	if (typeof raw === 'boolean') return raw;
	if (raw === 'true' || raw === 'false') return raw === 'true';
	throw new ParameterValueError(`${label} must be true or false, not ${shown(raw)}`, `Set ${label} to true or false.`);
}

export interface NumberRule {
	/** What the parameter accepts, in words: "a whole number from 1 to 50". */
	accepts: string;
	isValid: (value: number) => boolean;
	example: number;
}

export function readNumber(label: string, raw: unknown, fallback: number, rule: NumberRule): number {
	if (raw === undefined || raw === null) return fallback;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || !rule.isValid(value)) {
		throw new ParameterValueError(
			`${label} must be ${rule.accepts}, not ${shown(raw)}`,
			`Set ${label} to ${rule.accepts}, e.g. ${rule.example}.`,
		);
	}
	return value;
}
