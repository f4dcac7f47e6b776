/** Number checks of identity and payment cards: the PRC resident ID number, bank card Luhn. */
import { luhnValid, prcIdCheckChar } from '../primitives/checkDigits';
import type { NumericDateOrder } from '../primitives/dates';
import { normalizeDate } from '../primitives/dates';
import { uniqueRepair } from '../primitives/lookAlike';
import {
	cleanPrcId,
	isFirstGenerationPrcId,
	isPermanentResidenceId,
	prcIdBirthDate,
	prcIdBirthDigits,
	prcIdCheckPasses,
	prcIdFormatValid,
	prcIdProvinceCode,
	prcIdRegionValid,
	prcIdSex,
} from '../primitives/prcId';
import type { Check, ResultView } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { checkName, quote } from './naming';
import { withRepair } from './repairs';
import { sexOf } from './sex';
import { textCheck } from './textCheck';

/** Masked numbers (`3201**********1234`) can't be checked. */
const isMasked = (text: string) => /[*＊]/.test(text);

/** The 2004 Foreigner's Permanent Residence Card number (nationality letters + 12 digits) follows no rule checked here. */
const isLetterPrefixedResidenceNumber = (id: string) => /^[A-Z]{3}[0-9]{12}$/.test(id);

export interface PrcIdFields {
	number: string;
	birth?: string;
	sex?: string;
	dateOrder?: NumericDateOrder;
	/**
	 * The field holds a PRC ID number only for Chinese holders (driving licences): values that
	 * don't look like one are skipped instead of failed.
	 */
	onlyWhenShaped?: boolean;
}

function readPrcId(view: ResultView, fields: PrcIdFields): string | undefined {
	const text = view.text(fields.number);
	if (text === undefined || isMasked(text)) return undefined;
	const id = cleanPrcId(text);
	if (isLetterPrefixedResidenceNumber(id)) return undefined;
	if (fields.onlyWhenShaped && !/^[0-9A-Z]{18}$/.test(id) && !isFirstGenerationPrcId(id)) return undefined;
	return id;
}

export function prcIdChecks(fields: PrcIdFields): Check[] {
	const checkCharacter: Check = {
		name: checkName('prcId', fields.number),
		field: fields.number,
		description:
			'PRC resident ID number: 18 characters with a valid ISO 7064 MOD 11-2 check character, or 15 digits (first-generation, GB 11643-1989)',
		run(view) {
			const id = readPrcId(view, fields);
			if (id === undefined) return SKIPPED;
			if (prcIdCheckPasses(id) || isFirstGenerationPrcId(id)) return PASSED;
			const repair = uniqueRepair(id, () => 'digit', prcIdCheckPasses);
			if (!prcIdFormatValid(id)) {
				return failed(
					withRepair(
						{
							field: fields.number,
							message: `ID number ${quote(id)} is not 17 digits and a check character (0–9 or X), nor a 15-digit first-generation number`,
							value: id,
						},
						repair,
					),
				);
			}
			const expected = prcIdCheckChar(id.slice(0, 17)) as string;
			return failed(
				withRepair(
					{
						field: fields.number,
						message: `ID number check character fails: ${quote(id.slice(0, 17))} expects ${expected}, got ${id[17]}`,
						value: id,
						expected,
					},
					repair,
				),
			);
		},
	};
	const region: Check = {
		name: checkName('prcId', fields.number, 'Region'),
		field: fields.number,
		description:
			"PRC resident ID number starts with a valid GB/T 2260 province code (after the 9 of a Foreigner's Permanent Residence ID)",
		run(view) {
			const id = readPrcId(view, fields);
			if (id === undefined || !/^[0-9]{3}/.test(id)) return SKIPPED;
			if (prcIdRegionValid(id)) return PASSED;
			const province = prcIdProvinceCode(id);
			const message = isPermanentResidenceId(id)
				? `ID number ${quote(id)} is a Foreigner's Permanent Residence ID (starts with 9) whose issuing province ${province} is no PRC province code`
				: `ID number ${quote(id)} starts with ${province}, which is no PRC province code`;
			return failed({ field: fields.number, message, value: id });
		},
	};
	const birthDate: Check = {
		name: checkName('prcId', fields.number, 'BirthDate'),
		field: fields.birth ? `${fields.number}, ${fields.birth}` : fields.number,
		description: 'The birth date inside the PRC ID number is a real date and agrees with the printed birth date',
		run(view) {
			const id = readPrcId(view, fields);
			const digits = id === undefined ? undefined : prcIdBirthDigits(id);
			if (id === undefined || digits === undefined) return SKIPPED;
			const inNumber = prcIdBirthDate(id);
			if (inNumber === undefined) {
				return failed({
					field: fields.number,
					message: `ID number ${quote(id)} carries birth date ${digits}, which is not a real date`,
					value: id,
				});
			}
			const printed = fields.birth ? view.text(fields.birth) : undefined;
			const printedDate = printed ? normalizeDate(printed, fields.dateOrder) : undefined;
			if (!fields.birth || printed === undefined || printedDate === undefined || printedDate === inNumber) {
				return PASSED;
			}
			return failed({
				field: fields.birth,
				message: `printed birth date ${quote(printed)} differs from ${inNumber} in ID number ${quote(id)}`,
				value: printed,
				expected: inNumber,
			});
		},
	};
	const checks = [checkCharacter, region, birthDate];
	if (fields.sex) {
		const sexField = fields.sex;
		checks.push({
			name: checkName('prcId', fields.number, 'Sex'),
			field: `${fields.number}, ${sexField}`,
			description: 'The printed sex agrees with the PRC ID number (17th digit, 15th of 15, odd for men, even for women)',
			run(view) {
				const id = readPrcId(view, fields);
				const printed = view.text(sexField);
				const fromNumber = id ? prcIdSex(id) : undefined;
				const fromPrinted = printed ? sexOf(printed) : undefined;
				if (!fromNumber || !fromPrinted || !printed || !id) return SKIPPED;
				if (fromNumber === fromPrinted) return PASSED;
				return failed({
					field: sexField,
					message: `printed sex ${quote(printed)} differs from ID number ${quote(id)}, which says ${fromNumber}`,
					value: printed,
					expected: fromNumber,
				});
			},
		});
	}
	return checks;
}

export function luhnCheck(field: string): Check {
	return textCheck('luhn', field, 'Card number of 12–19 digits passing the Luhn check', (text) => {
		if (isMasked(text)) return SKIPPED;
		const digits = text.replace(/[\s-]+/g, '').toUpperCase();
		const passes = (candidate: string) => /^[0-9]{12,19}$/.test(candidate) && luhnValid(candidate);
		if (passes(digits)) return PASSED;
		const repair = uniqueRepair(digits, () => 'digit', passes);
		const message = /^[0-9]{12,19}$/.test(digits)
			? `card number ${quote(digits)} fails the Luhn check`
			: `card number ${quote(digits)} is not 12–19 digits`;
		return failed(withRepair({ field, message, value: text }, repair));
	});
}
