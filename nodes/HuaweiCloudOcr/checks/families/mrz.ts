/** ICAO 9303 MRZ checks over results that carry the machine-readable lines (`machine_code1..3`). */
import { isIcaoCountryCode, SPECIMEN_STATE } from '../primitives/countryCodes';
import type { NumericDateOrder } from '../primitives/dates';
import { mrzDate, normalizeDate } from '../primitives/dates';
import type { CheckedField, Mrz, MrzCheckName } from '../primitives/mrz';
import { checkDigitPasses, cleanMrzLines, mrzSex, parseMrz, repairCheckedField, withoutTrailingFillers } from '../primitives/mrz';
import type { Check, Finding, ResultView, Verdict } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { quote } from './naming';
import { sexOf } from './sex';

export interface MrzFields {
	/** The result fields holding the lines, top to bottom. */
	lines: string[];
	/** Printed fields the MRZ must agree with. */
	printed: { documentNumber?: string; birthDate?: string; expiryDate?: string; sex?: string };
	/** How the document prints numeric dates, when the digits can't tell. */
	dateOrder?: NumericDateOrder;
}

const FIELD_WORDS: Record<MrzCheckName, string> = {
	documentNumber: 'document number',
	birthDate: 'birth date',
	expiryDate: 'expiry date',
	optionalData: 'personal number',
	composite: 'composite',
};

function readMrz(view: ResultView, fields: MrzFields): Mrz | undefined {
	return view.memo(`mrz:${fields.lines.join()}`, () =>
		parseMrz(cleanMrzLines(fields.lines.map((field) => view.text(field)))),
	);
}

/** The result field holding the line a checked field sits on. */
function lineField(mrz: Mrz, name: MrzCheckName, fields: MrzFields): string {
	const onFirstLine = mrz.format === 'TD1' && name === 'documentNumber';
	return fields.lines[onFirstLine ? 0 : 1];
}

function checkDigitFinding(mrz: Mrz, field: CheckedField, fields: MrzFields): Finding {
	const shown = field.name === 'composite' ? 'the MRZ' : quote(withoutTrailingFillers(field.text));
	const expected = field.expected === undefined ? undefined : String(field.expected);
	const message = `${FIELD_WORDS[field.name]} check digit fails: ${shown} expects ${expected ?? 'a digit'}, got ${field.checkChar}`;
	const finding: Finding = {
		field: lineField(mrz, field.name, fields),
		message,
		value: field.text + field.checkChar,
		...(expected === undefined ? {} : { expected }),
	};
	// The composite spans several fields: a look-alike there is reported on the field it sits in.
	const repair = field.name === 'composite' ? undefined : repairCheckedField(field);
	if (repair === undefined) return finding;
	const where = repair.position === field.text.length ? 'the check digit' : `position ${repair.position + 1}`;
	return {
		...finding,
		message: `${message}; reading '${repair.from}' at ${where} as '${repair.to}' would make it pass`,
		suggestion: withoutTrailingFillers(repair.text),
	};
}

function checkDigitCheck(name: MrzCheckName, fields: MrzFields): Check {
	return {
		name: `mrz.${name}`,
		field: fields.lines.join(', '),
		description:
			name === 'composite'
				? 'The MRZ composite check digit (ICAO 9303) over number, dates and optional data'
				: `The MRZ ${FIELD_WORDS[name]} check digit (ICAO 9303)`,
		run(view, context): Verdict {
			const mrz = readMrz(view, fields);
			const field = mrz?.checkedFields.find((candidate) => candidate.name === name);
			if (mrz === undefined || field === undefined) return SKIPPED;
			if (!checkDigitPasses(field)) return failed(checkDigitFinding(mrz, field, fields));
			if (name === 'birthDate' || name === 'expiryDate') {
				const kind = name === 'birthDate' ? 'birth' : 'expiry';
				if (mrzDate(field.text, kind, context.today) === undefined) {
					return failed({
						field: lineField(mrz, name, fields),
						message: `${FIELD_WORDS[name]} in the MRZ ${quote(field.text)} is not a real date (YYMMDD)`,
						value: field.text,
					});
				}
			}
			return PASSED;
		},
	};
}

function formatCheck(fields: MrzFields): Check {
	return {
		name: 'mrz.format',
		field: fields.lines.join(', '),
		description: 'The machine-readable lines form an ICAO 9303 TD1 (3 × 30), TD2 (2 × 36) or TD3 (2 × 44) zone',
		run(view) {
			const lines = cleanMrzLines(fields.lines.map((field) => view.text(field)));
			if (lines.length === 0) return SKIPPED;
			if (parseMrz(lines) !== undefined) return PASSED;
			return failed({
				field: fields.lines[0],
				message: `the machine-readable lines are not an ICAO 9303 zone: got ${lines.length} line(s) of ${lines
					.map((line) => line.length)
					.join(', ')} characters, expected 3 × 30, 2 × 36 or 2 × 44`,
				value: lines.join('\n'),
			});
		},
	};
}

function countryCheck(which: 'issuingState' | 'nationality', fields: MrzFields): Check {
	const words = which === 'issuingState' ? 'issuing state' : 'nationality';
	return {
		name: `mrz.${which}`,
		field: fields.lines.join(', '),
		description: `The MRZ ${words} is a valid ICAO 9303 country code`,
		run(view) {
			const mrz = readMrz(view, fields);
			if (mrz === undefined) return SKIPPED;
			const code = withoutTrailingFillers(mrz[which]);
			const field = fields.lines[which === 'issuingState' ? 0 : 1];
			if (code === SPECIMEN_STATE) {
				return failed({ field, message: `${words} ${quote(code)} is ICAO's specimen state: this is a sample document`, value: code });
			}
			if (isIcaoCountryCode(code)) return PASSED;
			return failed({ field, message: `${words} ${quote(code)} is not an ICAO 9303 country code`, value: code });
		},
	};
}

const alnum = (text: string) => text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

function documentNumberAgrees(mrz: Mrz, printed: string): boolean {
	const number = alnum(printed);
	const inMrz = alnum(mrz.documentNumber);
	// Some cards print the number with a national check character (Peru's CUI), or carry the printed
	// personal number in the optional data (Vietnam).
	return (
		number === inMrz ||
		(number.startsWith(inMrz) && number.length === inMrz.length + 1) ||
		mrz.optionalData.some((data) => alnum(data).includes(number))
	);
}

function printedAgreementCheck(fields: MrzFields): Check {
	const printed = fields.printed;
	return {
		name: 'mrz.matchesPrinted',
		field: Object.values(printed).join(', '),
		description: 'The printed number, birth date, expiry date and sex agree with the MRZ',
		run(view, context) {
			const mrz = readMrz(view, fields);
			if (mrz === undefined) return SKIPPED;
			const findings: Finding[] = [];
			let compared = 0;
			const numberText = printed.documentNumber && view.text(printed.documentNumber);
			if (printed.documentNumber && numberText) {
				compared++;
				if (!documentNumberAgrees(mrz, numberText)) {
					findings.push({
						field: printed.documentNumber,
						message: `printed document number ${quote(numberText)} differs from the MRZ's ${quote(mrz.documentNumber)}`,
						value: numberText,
						expected: mrz.documentNumber,
					});
				}
			}
			for (const [key, kind] of [
				['birthDate', 'birth'],
				['expiryDate', 'expiry'],
			] as const) {
				const field = printed[key];
				const text = field && view.text(field);
				const fromMrz = mrzDate(mrz[key], kind, context.today);
				const fromPrinted = text ? normalizeDate(text, fields.dateOrder) : undefined;
				if (!field || !text || fromMrz === undefined || fromPrinted === undefined) continue;
				compared++;
				if (fromMrz !== fromPrinted) {
					findings.push({
						field,
						message: `printed ${FIELD_WORDS[key]} ${quote(text)} differs from the MRZ's ${fromMrz}`,
						value: text,
						expected: fromMrz,
					});
				}
			}
			const sexText = printed.sex && view.text(printed.sex);
			const printedSex = sexText ? sexOf(sexText) : undefined;
			const mrzSexValue = mrzSex(mrz.sex);
			if (printed.sex && sexText && printedSex && mrzSexValue && mrzSexValue !== 'X') {
				compared++;
				if (printedSex !== mrzSexValue) {
					findings.push({
						field: printed.sex,
						message: `printed sex ${quote(sexText)} differs from the MRZ's ${mrzSexValue}`,
						value: sexText,
						expected: mrzSexValue,
					});
				}
			}
			if (compared === 0) return SKIPPED;
			return failed(...findings);
		},
	};
}

/** Every MRZ check for a result whose lines are in `fields.lines`. */
export function mrzChecks(fields: MrzFields): Check[] {
	const digitChecks = (['documentNumber', 'birthDate', 'expiryDate', 'optionalData', 'composite'] as const).map(
		(name) => checkDigitCheck(name, fields),
	);
	return [
		formatCheck(fields),
		...digitChecks,
		countryCheck('issuingState', fields),
		countryCheck('nationality', fields),
		printedAgreementCheck(fields),
	];
}

