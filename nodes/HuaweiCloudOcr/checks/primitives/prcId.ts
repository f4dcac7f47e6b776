/** The 18-character PRC resident identity number (GB 11643): region, birth date, sequence, check character. */
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

export function prcIdFormatValid(id: string): boolean {
	return /^[0-9]{17}[0-9X]$/.test(id);
}

export function prcIdCheckPasses(id: string): boolean {
	return prcIdFormatValid(id) && prcIdCheckChar(id.slice(0, 17)) === id[17];
}

/** The birth date the number carries, `YYYY-MM-DD`, or undefined when it isn't a real date. */
export function prcIdBirthDate(id: string): string | undefined {
	if (!/^[0-9]{14}/.test(id)) return undefined;
	const parts = { year: Number(id.slice(6, 10)), month: Number(id.slice(10, 12)), day: Number(id.slice(12, 14)) };
	return isRealDate(parts) ? formatDate(parts) : undefined;
}

/** `M` or `F` from the 17th digit (odd for men). */
export function prcIdSex(id: string): 'M' | 'F' | undefined {
	if (!/^[0-9]$/.test(id[16] ?? '')) return undefined;
	return Number(id[16]) % 2 === 1 ? 'M' : 'F';
}

export function prcIdRegionValid(id: string): boolean {
	return PROVINCE_CODES.has(Number(id.slice(0, 2)));
}
