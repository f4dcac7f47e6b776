import {
	icaoCheckDigit,
	luhnValid,
	prcIdCheckChar,
	vinCheckChar,
} from '../../../nodes/HuaweiCloudOcr/checks/primitives/checkDigits';

/** Every string that differs from `value` in exactly one position, using `alphabet`. */
function oneCharacterCorruptions(value: string, alphabet: string, positions?: number[]): string[] {
	const corruptions: string[] = [];
	for (const position of positions ?? Array.from(value, (_, i) => i)) {
		for (const char of alphabet) {
			if (char !== value[position]) corruptions.push(value.slice(0, position) + char + value.slice(position + 1));
		}
	}
	return corruptions;
}

const DIGITS = '0123456789';

describe('ICAO 9303 check digit', () => {
	it.each([
		// Doc 9303 Part 3 worked example and the specimen fields of Parts 4–6
		['520727', 3],
		['L898902C3', 6],
		['740812', 2],
		['120415', 9],
		['ZE184226B<<<<<', 1],
		['D23145890', 7],
		['<<<<<<', 0],
	])('%s → %i', (field, digit) => {
		expect(icaoCheckDigit(field)).toBe(digit);
	});

	it('is undefined for characters outside the MRZ alphabet', () => {
		expect(icaoCheckDigit('L8989-2C3')).toBeUndefined();
		expect(icaoCheckDigit('l898902c3')).toBeUndefined();
	});

	it('changes for every single-digit corruption of a date (weights 7, 3, 1 are prime to 10)', () => {
		for (const corrupted of oneCharacterCorruptions('740812', DIGITS)) {
			expect(icaoCheckDigit(corrupted)).not.toBe(2);
		}
	});
});

describe('Luhn', () => {
	it.each(['4111111111111111', '79927398713', '5555555555554444', '6011111111111117', '4012888888881881'])(
		'accepts the published test number %s',
		(number) => {
			expect(luhnValid(number)).toBe(true);
		},
	);

	it.each(['4111111111111111', '79927398713'])('rejects every one-digit corruption of %s', (number) => {
		const corruptions = oneCharacterCorruptions(number, DIGITS);
		expect(corruptions.length).toBe(number.length * 9);
		for (const corrupted of corruptions) expect(luhnValid(corrupted)).toBe(false);
	});

	it('rejects non-digits and single digits', () => {
		expect(luhnValid('4111 1111 1111 1111')).toBe(false);
		expect(luhnValid('0')).toBe(false);
		expect(luhnValid('')).toBe(false);
	});
});

describe('ISO 7064 MOD 11-2 (PRC resident ID)', () => {
	const example = '11010519491231002X'; // GB 11643-1999's example

	it('gives X for the GB 11643 example', () => {
		expect(prcIdCheckChar(example.slice(0, 17))).toBe('X');
	});

	it('detects every one-digit corruption of the 17 leading digits', () => {
		for (const corrupted of oneCharacterCorruptions(example.slice(0, 17), DIGITS)) {
			expect(prcIdCheckChar(corrupted)).not.toBe('X');
		}
	});

	it('is undefined unless given exactly 17 digits', () => {
		expect(prcIdCheckChar('1101051949123100')).toBeUndefined();
		expect(prcIdCheckChar('1101051949123100O')).toBeUndefined();
	});
});

describe('ISO 3779 VIN check digit', () => {
	const example = '1M8GDM9AXKP042788'; // the worked example of 49 CFR 565 / ISO 3779 references

	it('gives X for the example', () => {
		expect(vinCheckChar(example)).toBe('X');
	});

	// ISO 3779 transliteration: letters share values (A and J are both 1), so only swaps between
	// characters of different values can be seen by any VIN check.
	const VALUE: Record<string, number> = Object.fromEntries([
		...Array.from(DIGITS, (digit) => [digit, Number(digit)]),
		...Array.from('ABCDEFGH', (char, i) => [char, i + 1]),
		...Array.from('JKLMN', (char, i) => [char, i + 1]),
		['P', 7],
		['R', 9],
		...Array.from('STUVWXYZ', (char, i) => [char, i + 2]),
	]);

	it('detects every one-character corruption to a character of another value', () => {
		const alphabet = Object.keys(VALUE).join('');
		expect(alphabet).toHaveLength(33);
		const positions = Array.from(example, (_, i) => i).filter((i) => i !== 8);
		let tried = 0;
		for (const position of positions) {
			for (const corrupted of oneCharacterCorruptions(example, alphabet, [position])) {
				if (VALUE[corrupted[position]] === VALUE[example[position]]) continue;
				tried++;
				expect(vinCheckChar(corrupted)).not.toBe('X');
			}
		}
		expect(tried).toBeGreaterThan(400);
	});

	it('is undefined for I, O, Q and wrong lengths', () => {
		expect(vinCheckChar('1M8GDM9AXKP04278O')).toBeUndefined();
		expect(vinCheckChar('1M8GDM9AXKP04278')).toBeUndefined();
	});
});
