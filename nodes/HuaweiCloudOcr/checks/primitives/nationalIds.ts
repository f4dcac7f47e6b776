/** Check characters of national ID numbers printed on the Latin-American and Thai cards Huawei reads. */

/** Chile's RUN/RUT: MOD 11 with weights 2–7 from the right; 10 is written K, 11 is 0. */
export function chileRunCheckChar(body: string): string | undefined {
	if (!/^[0-9]{1,9}$/.test(body)) return undefined;
	let sum = 0;
	for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (2 + (i % 6));
	const value = 11 - (sum % 11);
	return value === 11 ? '0' : value === 10 ? 'K' : String(value);
}

/** Thailand's 13-digit ID number: the 12 leading digits weighted 13 down to 2, MOD 11. */
export function thaiIdCheckDigit(first12: string): string | undefined {
	if (!/^[0-9]{12}$/.test(first12)) return undefined;
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
	return String((11 - (sum % 11)) % 10);
}
