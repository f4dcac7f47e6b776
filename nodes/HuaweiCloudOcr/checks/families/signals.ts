/**
 * Huawei's own signals: alarm flags (`detect_copy_result` …), the ID card's `verification_result`,
 * `idcard_type` (original, copy or screen) and per-field confidence.
 */
import type { Check, Finding, ResultView } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { quote } from './naming';

/** Alarm kinds as Huawei names them: `detect_<kind>_result` with score `<kind>_score`. */
export type AlarmKind =
	| 'copy'
	| 'reproduce'
	| 'tampering'
	| 'border_integrity'
	| 'blocking_within_border'
	| 'blur'
	| 'glare'
	| 'interim'
	| 'insufficient_lighting';

const ALARM_WORDS: Record<AlarmKind, string> = {
	copy: 'the image is a photocopy',
	reproduce: 'the image is a recapture of a screen or a print',
	tampering: 'the image has been tampered with',
	border_integrity: "the document's border is incomplete",
	blocking_within_border: 'something covers part of the document',
	blur: 'the image is blurred',
	glare: 'glare hides part of the document',
	interim: 'this is a temporary ID card',
	insufficient_lighting: 'the image is too dark',
};

/** The request switch that makes Huawei return the alarm (`alarm` covers all of them on some APIs). */
export const ALARM_OPTION: Record<AlarmKind, string> = {
	copy: 'detect_copy',
	reproduce: 'detect_reproduce',
	tampering: 'detect_tampering',
	border_integrity: 'detect_border_integrity',
	blocking_within_border: 'detect_blocking_within_border',
	blur: 'detect_blur',
	glare: 'detect_glare',
	interim: 'detect_interim',
	insufficient_lighting: 'alarm',
};

const camel = (kind: string) => kind.replace(/_([a-z])/g, (_, char: string) => char.toUpperCase());

/** The score beside an alarm: `score_info` (ID cards) or `alarm_confidence` (beside `alarm_result`). */
function alarmScore(view: ResultView, flagPrefix: string, kind: AlarmKind): number | undefined {
	const base = flagPrefix.replace(/alarm_result_$/, '');
	for (const container of ['score_info', 'alarm_confidence']) {
		const score = view.value(`${base}${container}_${kind}_score`);
		if (typeof score === 'number') return score;
	}
	return undefined;
}

/** One check per alarm kind, reading `detect_<kind>_result` wherever it sits (top level, front/back, alarm_result). */
export function alarmCheck(kind: AlarmKind): Check {
	const suffix = `detect_${kind}_result`;
	return {
		name: `huawei.${camel(kind)}`,
		field: suffix,
		description: `Huawei does not flag that ${ALARM_WORDS[kind]} (${suffix})`,
		run(view) {
			const flags = view.fields().filter((field) => field === suffix || field.endsWith(`_${suffix}`));
			const raised = flags.filter((field) => view.value(field) === true);
			if (flags.length === 0) return SKIPPED;
			return failed(
				...raised.map((field): Finding => {
					const score = alarmScore(view, field.slice(0, field.length - suffix.length), kind);
					return {
						field,
						message: `Huawei flags that ${ALARM_WORDS[kind]}${score === undefined ? '' : ` (score ${score})`}`,
						value: 'true',
					};
				}),
			);
		},
	};
}

const VERIFICATION_WORDS: Record<string, string> = {
	valid_number: 'the ID number is not valid',
	valid_birth: 'the birth date does not match the ID number',
	valid_sex: 'the sex does not match the ID number',
	valid_date: 'the validity dates are not valid dates',
	valid_validity_period: 'the validity period is not a valid length',
};

/** The ID card's `verification_result` (returned with `return_verification`): every `valid_*` must be true. */
export const verificationCheck: Check = {
	name: 'huawei.verification',
	field: 'verification_result',
	description: "Huawei's own verification_result (number, birth, sex, dates, validity period) is all true",
	run(view) {
		const flags = view.fields().filter((field) => /(^|_)verification_result_valid_[a-z_]+$/.test(field));
		if (flags.length === 0) return SKIPPED;
		const findings = flags
			.filter((field) => view.value(field) === false)
			.map((field): Finding => {
				const key = field.slice(field.indexOf('valid_'));
				return {
					field,
					message: `Huawei's verification says ${VERIFICATION_WORDS[key] ?? `${key} is false`}`,
					value: 'false',
				};
			});
		return failed(...findings);
	},
};

/** `idcard_type` (returned with `return_idcard_type`): anything but `normal` is a copy or a screen. */
export const idCardTypeCheck: Check = {
	name: 'huawei.idcardType',
	field: 'idcard_type',
	description: "Huawei's idcard_type says the card is an original (normal), not a copy or a screen",
	run(view) {
		const type = view.text('idcard_type');
		if (type === undefined) return SKIPPED;
		if (type.toLowerCase() === 'normal') return PASSED;
		return failed({
			field: 'idcard_type',
			message: `Huawei says the card image is ${quote(type)}, not an original`,
			value: type,
			expected: 'normal',
		});
	},
};

/**
 * Every field whose Huawei confidence is below Minimum Confidence. A single number for the whole
 * result (plates, classification) is reported on `wholeResultField`.
 */
export const confidenceCheck = (wholeResultField = 'confidence'): Check => ({
	name: 'confidence',
	field: 'confidence',
	description: "Every field's Huawei confidence is at least Minimum Confidence",
	run(view, context) {
		const confidences = view.confidences().map(([field, confidence]): [string, number] => [
			field === '' ? wholeResultField : field,
			confidence,
		]);
		if (confidences.length === 0) return SKIPPED;
		const low = confidences.filter(([, confidence]) => confidence < context.minConfidence);
		return failed(
			...low.map(
				([field, confidence]): Finding => ({
					field,
					message: `Huawei is only ${Math.round(confidence * 100)}% sure of ${field} (minimum ${Math.round(context.minConfidence * 100)}%)`,
					...(view.text(field) === undefined ? {} : { value: view.text(field) }),
					confidence,
				}),
			),
		);
	},
});

