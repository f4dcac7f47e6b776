/*
 * Checks on recognised results and normalized values (issue 12, part 1).
 *
 * NOTES for the wiring (part 2):
 * - `runChecks(operationId, rawResult, { today, minConfidence })` takes Huawei's raw `result` (object or
 *   list), never throws, and reports every check of the operation exactly once: passed, failed (with
 *   reasons) or skipped (fields absent, option off, value masked, or a form we can't read). Operations
 *   without rules give three empty lists. `today` must be `YYYY-MM-DD` in the workflow timezone.
 * - Field names in reasons and in `normalizedValues` are the simplified output's flattened names
 *   (`front_number`, `alarm_result_detect_copy_result`); for list results (license plates, household
 *   register) they are prefixed with the entry index: `[0].plate_number`.
 * - `normalizedValues` is keyed by field name: dates → `'YYYY-MM-DD'`, money → `{ amount, currency? }`.
 * - `huaweiSignalOptions(id)` lists the operation's request options whose answers the checks read
 *   (detect_*, alarm, return_verification, return_idcard_type, return_confidence). Turn on
 *   `return_confidence` when Minimum Confidence applies; the alarm ones only when the user asks.
 * - Which operation has which checks: `checksFor(id)` (drives the README table). MRZ checks run on
 *   Cambodian, Peru and Vietnam ID cards (`machine_code1..3`); Passport has no MRZ lines in its result,
 *   so it gets dates, expiry, country codes and confidence. Huawei alarm checks: id-card (all eight),
 *   cambodian-idcard, vehicle-license, auto-id-doc-classification; `huawei.verification` on id-card;
 *   `huawei.idcardType` on Thailand, Myanmar, Vietnam and Cambodian ID cards.
 * - An emulator fixture that should pass needs real check digits: the ICAO specimens in
 *   test/unit/checks/ are good sources (e.g. TD1 `I<UTOD231458907…`), but `UTO` fails the country
 *   checks on purpose (specimen state); use a real code and recompute the digits with `icaoCheckDigit`.
 */
import { huaweiSignalFields } from './signalOptions';
import { normalizedFields } from './normalize';
import { resultObjects, resultView } from './resultView';
import { operationChecks } from './rules';
import type { CheckContext, CheckOutcome, ReviewReason } from './types';

export type { CheckContext, CheckOutcome, ReviewReason } from './types';

const entryPrefix = (index: number, isList: boolean) => (isList ? `[${index}].` : '');

export function runChecks(operationId: string, rawResult: unknown, context: CheckContext): CheckOutcome {
	const checks = operationChecks(operationId);
	const views = checks.length === 0 ? [] : resultObjects(rawResult).map(resultView);
	const isList = Array.isArray(rawResult);
	const outcome: CheckOutcome = { passed: [], failed: [], skipped: [] };
	for (const check of checks) {
		const reasons: ReviewReason[] = [];
		let ran = false;
		views.forEach((view, index) => {
			let verdict;
			try {
				verdict = check.run(view, context);
			} catch {
				// A check must never cost the user their billed result; treat a crash as "could not check".
				verdict = { status: 'skipped' as const };
			}
			if (verdict.status === 'skipped') return;
			ran = true;
			if (verdict.status === 'failed') {
				const prefix = entryPrefix(index, isList);
				for (const finding of verdict.findings) {
					reasons.push({ ...finding, field: prefix + finding.field, check: check.name });
				}
			}
		});
		if (reasons.length > 0) outcome.failed.push(...reasons);
		else if (ran) outcome.passed.push(check.name);
		else outcome.skipped.push(check.name);
	}
	return outcome;
}

export function normalizedValues(operationId: string, rawResult: unknown): Record<string, unknown> {
	const isList = Array.isArray(rawResult);
	const values: Record<string, unknown> = {};
	resultObjects(rawResult).forEach((result, index) => {
		const prefix = entryPrefix(index, isList);
		for (const [field, value] of Object.entries(normalizedFields(operationId, resultView(result)))) {
			values[prefix + field] = value;
		}
	});
	return values;
}

export function checksFor(operationId: string): { check: string; field: string; description: string }[] {
	return operationChecks(operationId).map((check) => ({
		check: check.name,
		field: check.field,
		description: check.description,
	}));
}

export function huaweiSignalOptions(operationId: string): string[] {
	return huaweiSignalFields(operationId);
}
