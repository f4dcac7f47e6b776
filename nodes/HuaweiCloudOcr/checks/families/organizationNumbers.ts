/** Taxpayer and organisation numbers: the Unified Social Credit Code (GB 32100). */
import { uniqueRepair } from '../primitives/lookAlike';
import { prcIdCheckPasses } from '../primitives/prcId';
import { usccCheckChar, usccValid } from '../primitives/uscc';
import type { Check } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { quote } from './naming';
import { withRepair } from './repairs';
import { textCheck } from './textCheck';

/**
 * 18-character taxpayer numbers: a Unified Social Credit Code, or (for a person buying on an invoice)
 * a PRC resident ID number. Older 15- and 20-character taxpayer numbers have no check character and are skipped.
 */
export function socialCreditCodeCheck(field: string): Check {
	const description =
		'Unified Social Credit Code (GB 32100) with a valid check character (a PRC ID number is accepted too)';
	return textCheck('uscc', field, description, (text) => {
		const code = text.replace(/\s+/g, '').toUpperCase();
		if (code.length !== 18) return SKIPPED;
		if (usccValid(code) || prcIdCheckPasses(code)) return PASSED;
		const repair = uniqueRepair(code, () => 'alnum', usccValid);
		const expected = usccCheckChar(code.slice(0, 17));
		const problem =
			expected === undefined
				? 'has characters a Unified Social Credit Code never uses (I, O, S, V, Z)'
				: `fails its check character: expects ${expected}, got ${code[17]}`;
		return failed(
			withRepair(
				{
					field,
					message: `credit code ${quote(code)} ${problem}`,
					value: text,
					...(expected === undefined ? {} : { expected }),
				},
				repair,
			),
		);
	});
}
