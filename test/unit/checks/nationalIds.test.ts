import { chileRunCheckChar, thaiIdCheckDigit } from '../../../nodes/HuaweiCloudOcr/checks/primitives/nationalIds';
import { check, reasonsOf } from './helpers';

describe('Chilean RUN', () => {
	it('gives 5 for the usual example 12.345.678-5, and K where the remainder is 10', () => {
		expect(chileRunCheckChar('12345678')).toBe('5');
		expect(chileRunCheckChar('12345670')).toBe('K');
		expect(chileRunCheckChar('7654321')).toBe('6');
	});

	it('detects every one-digit corruption of the example', () => {
		for (let position = 0; position < 8; position++) {
			for (const digit of '0123456789') {
				const body = '12345678'.slice(0, position) + digit + '12345678'.slice(position + 1);
				if (body !== '12345678') expect(chileRunCheckChar(body)).not.toBe('5');
			}
		}
	});

	it('checks the number of a Chilean ID card, printed with dots and a dash', () => {
		expect(check('chile-id-card', { number: '12.345.678-5' }).passed).toContain('chileRun.number');
		expect(check('chile-id-card', { number: '12.345.670-k' }).passed).toContain('chileRun.number');
		const [reason] = reasonsOf(check('chile-id-card', { number: '12.345.678-9' }), 'chileRun.number');
		expect(reason).toMatchObject({ message: "RUN '12.345.678-9' fails its check character: expects 5, got 9", expected: '5' });
	});

	it('suggests the one look-alike repair', () => {
		const [reason] = reasonsOf(check('chile-id-card', { number: '12.345.67B-5' }), 'chileRun.number');
		expect(reason.suggestion).toBe('123456785');
		expect(reason.message).toContain("reading 'B' at position 8 as '8' would make it pass");
	});
});

describe('Thai ID number', () => {
	it('computes the MOD 11 check digit', () => {
		expect(thaiIdCheckDigit('110170020745')).toBe('5');
		expect(thaiIdCheckDigit('123456789012')).toBe('1');
	});

	it('detects every one-digit corruption except in the third digit, whose weight (11) vanishes MOD 11', () => {
		const body = '110170020745';
		expect(thaiIdCheckDigit('119170020745')).toBe('5');
		for (const position of [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
			for (const digit of '0123456789') {
				const corrupted = body.slice(0, position) + digit + body.slice(position + 1);
				if (corrupted !== body) expect(thaiIdCheckDigit(corrupted)).not.toBe('5');
			}
		}
	});

	it('checks the ID number of a Thai ID card, printed with spaces', () => {
		expect(check('thailand-id-card', { id_number: '1 1017 00207 45 5' }).passed).toContain('thaiId.idNumber');
		const [reason] = reasonsOf(check('thailand-id-card', { id_number: '1 1017 00207 45 1' }), 'thaiId.idNumber');
		expect(reason).toMatchObject({ message: "ID number '1 1017 00207 45 1' fails its check character: expects 5, got 1", expected: '5' });
		expect(check('thailand-id-card', { id_number: '1 1017 00207' }).skipped).toContain('thaiId.idNumber');
	});
});
