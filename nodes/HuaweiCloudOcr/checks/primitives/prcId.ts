/**
 * The PRC resident identity number: 18 characters (GB 11643-1999: region, birth date YYYYMMDD, sequence,
 * check character), or 15 digits on first-generation cards (GB 11643-1989: region, birth date YYMMDD
 * in the 1900s, sequence, no check character). The 2023 Foreigner's Permanent Residence ID has the
 * 18-character form with 9, the issuing province and a nationality code in place of the region.
 */
import { prcIdCheckChar } from './checkDigits';
import { formatDate, isRealDate } from './dates';

/** GB/T 2260 province-level codes, plus 81/82/83 used by the Hong Kong, Macao and Taiwan residence permits. */
const PROVINCE_CODES = new Set([
	11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53,
	54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

export function cleanPrcId(value: string): string {
	return value.replace(/\s+/g, '').toUpperCase();
}

/** A first-generation (GB 11643-1989) number: 15 digits, no check character. */
export function isFirstGenerationPrcId(id: string): boolean {
	return /^[0-9]{15}$/.test(id);
}

/** A 2023 Foreigner's Permanent Residence ID: the 18-character form starting with 9. */
export function isPermanentResidenceId(id: string): boolean {
	return id.length === 18 && id[0] === '9';
}

export function prcIdFormatValid(id: string): boolean {
	return /^[0-9]{17}[0-9X]$/.test(id);
}

export function prcIdCheckPasses(id: string): boolean {
	return prcIdFormatValid(id) && prcIdCheckChar(id.slice(0, 17)) === id[17];
}

/** The birth date digits the number carries as `YYYYMMDD` (19YYMMDD for 15 digits), or undefined when it has none. */
export function prcIdBirthDigits(id: string): string | undefined {
	if (isFirstGenerationPrcId(id)) return `19${id.slice(6, 12)}`;
	return /^[0-9]{14}/.test(id) ? id.slice(6, 14) : undefined;
}

/** The birth date the number carries, `YYYY-MM-DD`, or undefined when it isn't a real date. */
export function prcIdBirthDate(id: string): string | undefined {
	const digits = prcIdBirthDigits(id);
	if (digits === undefined) return undefined;
	const parts = { year: Number(digits.slice(0, 4)), month: Number(digits.slice(4, 6)), day: Number(digits.slice(6, 8)) };
	return isRealDate(parts) ? formatDate(parts) : undefined;
}

/** `M` or `F` from the last digit of the sequence (the 17th, or the 15th of a first-generation number): odd for men. */
export function prcIdSex(id: string): 'M' | 'F' | undefined {
	const digit = isFirstGenerationPrcId(id) ? id[14] : id[16];
	if (!/^[0-9]$/.test(digit ?? '')) return undefined;
	return Number(digit) % 2 === 1 ? 'M' : 'F';
}

/** The province code the number starts with: for a Foreigner's Permanent Residence ID, the one after the 9. */
export function prcIdProvinceCode(id: string): string {
	return isPermanentResidenceId(id) ? id.slice(1, 3) : id.slice(0, 2);
}

export function prcIdRegionValid(id: string): boolean {
	return PROVINCE_CODES.has(Number(prcIdProvinceCode(id)));
}
