/** Vehicle identification numbers (ISO 3779): 17 characters, never I, O or Q, check digit in position 9. */
import { vinCheckChar } from './checkDigits';

export function cleanVin(value: string): string {
	return value.replace(/[\s-]+/g, '').toUpperCase();
}

export function vinCharactersValid(vin: string): boolean {
	return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin);
}

/**
 * Whether the VIN falls under rules that fix position 9 (check digit) and position 10 (model year):
 * decided by the region of the world manufacturer identifier (ISO 3780), its first character.
 * - 1–5, North America (United States 1, 4, 5; Canada 2; Mexico 3): 49 CFR 565.15.
 * - L, China: GB 16735.
 * Everywhere else (W Germany, V France and Spain, S United Kingdom, Y Sweden, Z Italy, J Japan, K Korea …)
 * ISO 3779 leaves both positions to the manufacturer: European and Japanese-market VINs often carry
 * `0`, `Z` or a plant code there. A car built there for the US market follows 49 CFR 565 too, but the
 * VIN does not say which market it was built for, so it is not checked: a missed error rather than a false alarm.
 */
export function vinUnderYearAndCheckDigitRules(vin: string): boolean {
	return /^[1-5L]/.test(vin);
}

export const vinCheckDigitApplies = vinUnderYearAndCheckDigitRules;
export const vinModelYearApplies = vinUnderYearAndCheckDigitRules;

export function vinCheckDigitPasses(vin: string): boolean {
	return vinCheckChar(vin) === vin[8];
}

/** Position 10, the model year: letters except I, O, Q, U, Z, or digits 1–9. */
export function vinModelYearValid(vin: string): boolean {
	return /^[A-HJ-NPR-TV-Y1-9]$/.test(vin[9] ?? '');
}
