/** National ID numbers with a check character: Chile's RUN, Thailand's 13-digit ID number. */
import { uniqueRepair } from '../primitives/lookAlike';
import { chileRunCheckChar, thaiIdCheckDigit } from '../primitives/nationalIds';
import type { Check } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { quote } from './naming';
import { withRepair } from './repairs';
import { textCheck } from './textCheck';

interface NumberScheme {
	family: string;
	description: string;
	/** Words for the number in messages. */
	label: string;
	/** The number without separators, or undefined when it isn't shaped like one (then skipped). */
	clean(text: string): string | undefined;
	/** [the digits the check covers, the check character as printed] */
	split(number: string): [body: string, check: string];
	checkChar(body: string): string | undefined;
}

function checkCharacterCheck(scheme: NumberScheme, field: string): Check {
	const passes = (number: string) => {
		const [body, check] = scheme.split(number);
		return scheme.checkChar(body) === check;
	};
	return textCheck(scheme.family, field, scheme.description, (text) => {
		const number = scheme.clean(text);
		if (number === undefined) return SKIPPED;
		if (passes(number)) return PASSED;
		const [body, check] = scheme.split(number);
		const expected = scheme.checkChar(body);
		const repair = uniqueRepair(number, (position) => (position === number.length - 1 ? 'alnum' : 'digit'), passes);
		const problem = expected === undefined ? 'character' : `character: expects ${expected}, got ${check}`;
		return failed(
			withRepair(
				{
					field,
					message: `${scheme.label} ${quote(text)} fails its check ${problem}`,
					value: text,
					...(expected === undefined ? {} : { expected }),
				},
				repair,
			),
		);
	});
}

const CHILE_RUN: NumberScheme = {
	family: 'chileRun',
	label: 'RUN',
	description: 'Chilean RUN with a valid MOD 11 check character (0–9 or K)',
	clean(text) {
		const number = text.replace(/[.\s-]/g, '').toUpperCase();
		return /^[0-9A-Z]{7,10}$/.test(number) ? number : undefined;
	},
	split: (number) => [number.slice(0, -1), number.slice(-1)],
	checkChar: chileRunCheckChar,
};

const THAI_ID: NumberScheme = {
	family: 'thaiId',
	label: 'ID number',
	description: 'Thai 13-digit ID number with a valid MOD 11 check digit',
	clean(text) {
		const number = text.replace(/[\s-]/g, '').toUpperCase();
		return /^[0-9A-Z]{13}$/.test(number) ? number : undefined;
	},
	split: (number) => [number.slice(0, 12), number.slice(12)],
	checkChar: thaiIdCheckDigit,
};

export const chileRunCheck = (field: string) => checkCharacterCheck(CHILE_RUN, field);
export const thaiIdCheck = (field: string) => checkCharacterCheck(THAI_ID, field);
