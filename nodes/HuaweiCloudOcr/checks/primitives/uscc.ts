/**
 * The 18-character Unified Social Credit Code of Chinese organisations (GB 32100-2015): 31 characters
 * (digits and capitals without I, O, S, V, Z), last one a MOD 31 check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | undefined {
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		const value = ALPHABET.indexOf(first17[i] ?? '');
		if (value < 0 || first17.length !== 17) return undefined;
		sum += value * WEIGHTS[i];
	}
	return ALPHABET[(31 - (sum % 31)) % 31];
}

export function usccValid(code: string): boolean {
	return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}
