/** Vehicle identification numbers (ISO 3779): 17 characters, never I, O or Q, check digit in position 9. */
import { vinCheckChar } from './checkDigits';

export function cleanVin(value: string): string {
	return value.replace(/[\s-]+/g, '').toUpperCase();
}

export function vinCharactersValid(vin: string): boolean {
	return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin);
}

/**
 * The check digit is mandatory for North American VINs (world manufacturer identifier starting 1–5)
 * and for Chinese ones (starting L, GB 16735); elsewhere position 9 may be anything.
 */
export function vinCheckDigitApplies(vin: string): boolean {
	return /^[1-5L]/.test(vin);
}

export function vinCheckDigitPasses(vin: string): boolean {
	return vinCheckChar(vin) === vin[8];
}

/** Position 10, the model year: letters except I, O, Q, U, Z, or digits 1–9. */
export function vinModelYearValid(vin: string): boolean {
	return /^[A-HJ-NPR-TV-Y1-9]$/.test(vin[9] ?? '');
}
