/**
 * Spreadsheet formula injection (CSV/formula injection, OWASP): recognised text that starts with
 * = + - @ or a tab / carriage return is run as a formula by Excel, Google Sheets and LibreOffice when
 * it lands in a cell. A leading single quote makes it plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain signed number ("-12.50", "+3,000") is data, not a formula, and stays as it is. */
const SIGNED_NUMBER = /^[+-]?\d[\d,.\s]*%?$/;

export function neutralizeFormula(text: string): string {
	return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}

/** A copy of the rows with every cell neutralized. */
export function neutralizeRows(rows: readonly string[][]): string[][] {
	return rows.map((row) => row.map(neutralizeFormula));
}
