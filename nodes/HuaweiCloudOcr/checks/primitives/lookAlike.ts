/**
 * Look-alike repair: OCR often reads O for 0, I for 1, B for 8, S for 5, Z for 2, G for 6 (and back), Q for 0.
 * A repair is offered only as a suggestion, and only when exactly one single-character swap that fits
 * the position's type makes the value pass its check.
 */

/** What a position may hold: digits only, letters only, or either. */
export type CharClass = 'digit' | 'alpha' | 'alnum';

const PAIRS: ReadonlyArray<[letter: string, digit: string]> = [
	['O', '0'],
	['I', '1'],
	['B', '8'],
	['S', '5'],
	['Z', '2'],
	['G', '6'],
];

/** Q is read for 0 too, but 0 is far more often an O than a Q, so Q is only ever repaired to 0. */
const LETTER_TO_DIGIT_ONLY: ReadonlyArray<[letter: string, digit: string]> = [['Q', '0']];

function swapsFor(char: string, charClass: CharClass): string[] {
	const swaps: string[] = [];
	for (const [letter, digit] of [...PAIRS, ...LETTER_TO_DIGIT_ONLY]) {
		if (char === letter && charClass !== 'alpha') swaps.push(digit);
	}
	for (const [letter, digit] of PAIRS) {
		if (char === digit && charClass !== 'digit') swaps.push(letter);
	}
	return swaps;
}

export interface Repair {
	value: string;
	position: number;
	from: string;
	to: string;
}

/** Every single look-alike swap of `value` that `passes` accepts. */
export function lookAlikeRepairs(
	value: string,
	classOf: (position: number) => CharClass,
	passes: (candidate: string) => boolean,
): Repair[] {
	const repairs: Repair[] = [];
	for (let position = 0; position < value.length; position++) {
		for (const to of swapsFor(value[position], classOf(position))) {
			const candidate = value.slice(0, position) + to + value.slice(position + 1);
			if (passes(candidate)) repairs.push({ value: candidate, position, from: value[position], to });
		}
	}
	return repairs;
}

/** The repair when exactly one swap passes, otherwise undefined (none, or ambiguous). */
export function uniqueRepair(
	value: string,
	classOf: (position: number) => CharClass,
	passes: (candidate: string) => boolean,
): Repair | undefined {
	const repairs = lookAlikeRepairs(value, classOf, passes);
	return repairs.length === 1 ? repairs[0] : undefined;
}
