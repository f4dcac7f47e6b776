/** VIN checks (ISO 3779): characters; check digit and model-year character where they are mandatory. */
import { vinCheckChar } from '../primitives/checkDigits';
import type { CharClass } from '../primitives/lookAlike';
import { uniqueRepair } from '../primitives/lookAlike';
import {
	cleanVin,
	vinCharactersValid,
	vinCheckDigitApplies,
	vinCheckDigitPasses,
	vinModelYearApplies,
	vinModelYearValid,
} from '../primitives/vin';
import type { Check, ResultView } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { checkName, quote } from './naming';
import { withRepair } from './repairs';

const readVin = (view: ResultView, field: string) => {
	const text = view.text(field);
	return text === undefined ? undefined : cleanVin(text);
};

/**
 * The check digit (position 9) and the serial's last four characters (positions 14–17) are digits
 * (49 CFR 565, GB 16735); elsewhere a VIN may hold letters or digits.
 */
const vinCharClass = (position: number): CharClass => (position === 8 || position >= 13 ? 'digit' : 'alnum');

/** A VIN that is fully valid: characters, and the check digit where it applies. */
function vinPasses(vin: string): boolean {
	return vinCharactersValid(vin) && (!vinCheckDigitApplies(vin) || vinCheckDigitPasses(vin));
}

export function vinChecks(field: string): Check[] {
	const characters: Check = {
		name: checkName('vin', field),
		field,
		description: 'VIN of 17 characters without I, O or Q',
		run(view) {
			const vin = readVin(view, field);
			if (vin === undefined) return SKIPPED;
			if (vinCharactersValid(vin)) return PASSED;
			const forbidden = vin.match(/[IOQ]/g);
			const problem =
				vin.length !== 17
					? `has ${vin.length} characters, expected 17`
					: forbidden
						? `contains ${forbidden.map(quote).join(', ')}, which VINs never use`
						: 'contains characters other than letters and digits';
			const repair = vin.length === 17 ? uniqueRepair(vin, vinCharClass, vinPasses) : undefined;
			return failed(withRepair({ field, message: `VIN ${quote(vin)} ${problem}`, value: vin }, repair));
		},
	};
	const checkDigit: Check = {
		name: checkName('vin', field, 'CheckDigit'),
		field,
		description: 'VIN check digit in position 9 (North American and Chinese VINs, ISO 3779)',
		run(view) {
			const vin = readVin(view, field);
			if (vin === undefined || !vinCharactersValid(vin) || !vinCheckDigitApplies(vin)) return SKIPPED;
			if (vinCheckDigitPasses(vin)) return PASSED;
			const expected = vinCheckChar(vin) as string;
			const repair = uniqueRepair(vin, vinCharClass, vinPasses);
			return failed(
				withRepair(
					{
						field,
						message: `VIN check digit fails: ${quote(vin)} expects ${expected} in position 9, got ${vin[8]}`,
						value: vin,
						expected,
					},
					repair,
				),
			);
		},
	};
	const modelYear: Check = {
		name: checkName('vin', field, 'ModelYear'),
		field,
		description: 'VIN model-year character in position 10 (North American and Chinese VINs, 49 CFR 565 and GB 16735)',
		run(view) {
			const vin = readVin(view, field);
			if (vin === undefined || vin.length !== 17 || !vinModelYearApplies(vin)) return SKIPPED;
			if (vinModelYearValid(vin)) return PASSED;
			return failed({
				field,
				message: `VIN ${quote(vin)} has ${quote(vin[9])} in position 10, which is no model-year character (never 0, I, O, Q, U or Z)`,
				value: vin,
			});
		},
	};
	return [characters, checkDigit, modelYear];
}
