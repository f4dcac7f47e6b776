/** Check names: `family.fieldInCamelCase[Aspect]`, e.g. `luhn.cardNumber`, `prcId.frontNumberRegion`. */
export function camelCase(field: string): string {
	return field.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

export function checkName(family: string, field: string, aspect = ''): string {
	return `${family}.${camelCase(field)}${aspect}`;
}

/** A value quoted for a message. */
export const quote = (value: string) => `'${value}'`;
