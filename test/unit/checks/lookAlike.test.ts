import type { CharClass } from '../../../nodes/HuaweiCloudOcr/checks/primitives/lookAlike';
import { lookAlikeRepairs, uniqueRepair } from '../../../nodes/HuaweiCloudOcr/checks/primitives/lookAlike';

const always = () => true;
const candidates = (value: string, charClass: CharClass) =>
	lookAlikeRepairs(value, () => charClass, always).map((repair) => repair.value);

describe('look-alike swaps by character class', () => {
	it.each([
		['O', '0'],
		['I', '1'],
		['B', '8'],
		['S', '5'],
		['Z', '2'],
		['G', '6'],
		['Q', '0'],
	])('a digit position reads %s as %s', (letter, digit) => {
		expect(candidates(letter, 'digit')).toEqual([digit]);
	});

	it.each([
		['0', 'O'],
		['1', 'I'],
		['8', 'B'],
		['5', 'S'],
		['2', 'Z'],
		['6', 'G'],
	])('a letter position reads %s as %s', (digit, letter) => {
		expect(candidates(digit, 'alpha')).toEqual([letter]);
	});

	it('never turns a digit into a letter in a digit position, nor a letter into a digit in a letter position', () => {
		expect(candidates('0123456789', 'digit')).toEqual([]);
		expect(candidates('OIBSZGQ', 'alpha')).toEqual([]);
	});

	it('tries both directions in alphanumeric positions, but Q only ever becomes 0', () => {
		expect(candidates('O', 'alnum')).toEqual(['0']);
		expect(candidates('0', 'alnum')).toEqual(['O']);
		expect(candidates('Q', 'alnum')).toEqual(['0']);
	});

	it('leaves characters without a look-alike alone', () => {
		expect(candidates('ACDEFHJKLMNPRTUVWXY3479<', 'alnum')).toEqual([]);
	});
});

describe('uniqueRepair', () => {
	const isAllDigits = (candidate: string) => /^[0-9]+$/.test(candidate);

	it('returns the one passing swap with its position', () => {
		expect(uniqueRepair('12O4', () => 'digit', isAllDigits)).toEqual({ value: '1204', position: 2, from: 'O', to: '0' });
	});

	it('returns nothing when no swap passes or two do', () => {
		expect(uniqueRepair('12X4', () => 'digit', isAllDigits)).toBeUndefined();
		expect(uniqueRepair('1O', () => 'alnum', (candidate) => candidate === '10' || candidate === 'IO')).toBeUndefined();
	});

	it('changes exactly one character', () => {
		// Two misreads need two swaps: no single swap makes it all digits.
		expect(uniqueRepair('1OO4', () => 'digit', isAllDigits)).toBeUndefined();
	});
});
