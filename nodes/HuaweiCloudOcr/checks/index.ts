/*
 * Checks on recognised results and normalized values (issue 12, part 1).
 *
 * NOTES for the wiring (part 2):
 * - `runChecks(operationId, rawResult, { today, minConfidence })` takes Huawei's raw `result` (object or
 *   list), never throws (a check that crashes fails with 'this check could not run', so a person looks), and reports every check of the
 *   operation exactly once: passed, failed (one reason per failing field; a check may give several) or
 *   skipped (fields absent, option off, value masked, or a form we can't read). Operations without
 *   rules (text, tables, seal, …) give three empty lists. `today` is `YYYY-MM-DD` in the workflow timezone.
 * - Field names in reasons and in `normalizedValues` are the simplified output's flattened names
 *   (`front_number`, `alarm_result_detect_copy_result`, `content_birth_date`); confidence reasons name
 *   the field the confidence is about (`passport_number`), or `plate_number` / `type` for a single
 *   whole-result score. For list results (license plates, household register) names are prefixed with
 *   the entry index: `[0].plate_number`.
 * - `normalizedValues` is keyed by field name: dates → `'YYYY-MM-DD'`, money → `{ amount, currency? }`.
 * - `huaweiSignalOptions(id)` lists the operation's own request options whose answers the checks read
 *   (detect_*, alarm, return_verification, return_idcard_type, return_confidence), taken from the
 *   catalog. Turn on `return_confidence` when Minimum Confidence applies; the others only when the
 *   user turns them on (they may cost time), the checks skip them otherwise.
 * - Which operation has which checks: `checksFor(id)` (drives the README table; `rules.ts` is the data).
 *   MRZ checks run on Cambodian, Peru and Vietnam ID cards (`machine_code1..3`); Passport has no MRZ
 *   lines in its result, so it gets dates, order, expiry, country codes and confidence. Alarm checks
 *   (`huawei.copy` …) on id-card (eight), cambodian-idcard (six), vehicle-license (two),
 *   auto-id-doc-classification (seven); `huawei.verification` on id-card; `huawei.idcardType` on
 *   Thailand, Myanmar, Vietnam and Cambodian ID cards. VIN on vin, vehicle-license,
 *   vehicle-certificate, mvs-invoice; Luhn on bankcard; PRC ID on id-card, driver-license (only when
 *   the number looks like one), household-register, transportation-qualification-certificate;
 *   Unified Social Credit Code on business-license, vat-invoice (buyer_id/seller_id), train-ticket;
 *   Chilean RUN on chile-id-card `number`; Thai ID number on thailand-id-card `id_number`.
 * - Emulator fixtures that should pass need real check digits. Good ones (all verified in
 *   test/unit/checks): PRC ID 11010519491231002X (sex F: 17th digit even), VIN 1M8GDM9AXKP042788,
 *   card 4111111111111111, credit code 91440300708461136T, RUN 12.345.678-5, Thai ID 1101700207455, and TD1 zones with real states in
 *   test/unit/checks/identityChecks.test.ts (CAMBODIA, PERU, VIETNAM). The ICAO specimens use `UTO`,
 *   which fails the country checks on purpose (specimen state).
 */
import { huaweiSignalFields } from './signalOptions';
import { normalizedFields } from './normalize';
import { resultObjects, resultView } from './resultView';
import { operationChecks } from './rules';
import type { CheckContext, CheckOutcome, ReviewReason, Verdict } from './types';
import { failed } from './types';

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
			let verdict: Verdict;
			try {
				verdict = check.run(view, context);
			} catch (error) {
				// A check must never cost the user their billed result, nor pass it unseen: a person looks.
				verdict = failed({
					field: check.field.split(', ')[0],
					message: `this check could not run (${error instanceof Error ? error.message : String(error)}); please look at the result`,
				});
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
