/**
 * Issue 17: good documents sent to Needs Review. Each case is a valid value the checks flagged.
 */
import { check, reasonsOf } from './helpers';
import { permanentResidenceId, prcId, vinWithCheckDigit } from './validValues';

describe('VIN model year only where the rules require one (49 CFR 565, GB 16735)', () => {
	// Position 10 of European and Japanese-market VINs is free: `0`, `Z` or a plant code is common.
	it.each([
		['a Volkswagen built for Europe', 'WVWZZZ1JZ0W386752'],
		['a BMW with Z in position 10', 'WBA8E9G50ZNU12345'],
		['a Mercedes-Benz with 0', 'WDD2050040R123456'],
		['a Toyota for the Japanese market', 'JTDKB20U003123456'],
		['a Volvo with U', 'YV1MV7481U2123456'],
	])('passes %s: %s', (_car, vin) => {
		for (const [operation, field] of [
			['vin', 'vin'],
			['vehicle-license', 'vin'],
			['vehicle-certificate', 'vin'],
			['mvs-invoice', 'vehicle_identification_number'],
		] as const) {
			expect(check(operation, { [field]: vin }).failed).toEqual([]);
		}
	});

	it('still fails a North American or Chinese VIN without a model-year character', () => {
		for (const vin of [vinWithCheckDigit('1M8GDM9A?0P042788'), vinWithCheckDigit('LSVAU218?U2183294')]) {
			expect(reasonsOf(check('vin', { vin }), 'vin.vinModelYear')).toHaveLength(1);
		}
	});
});

describe('15-digit first-generation PRC ID numbers (GB 11643-1989)', () => {
	const oldCard = { name: '张三', sex: '女', birth: '1949-12-31', number: '110105491231002' };

	it('are read as region + YYMMDD + sequence without a check character, born in the 1900s', () => {
		const outcome = check('id-card', oldCard);
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(expect.arrayContaining(['prcId.number', 'prcId.numberRegion', 'prcId.numberBirthDate', 'prcId.numberSex']));
	});

	it('still flag a birth date that disagrees, naming the date as 19YY-MM-DD', () => {
		const [reason] = reasonsOf(check('id-card', { ...oldCard, birth: '1949-12-30' }), 'prcId.numberBirthDate');
		expect(reason.message).toBe("printed birth date '1949-12-30' differs from 1949-12-31 in ID number '110105491231002'");
		const unreal = reasonsOf(check('id-card', { number: '110105490230002' }), 'prcId.numberBirthDate');
		expect(unreal[0].message).toBe("ID number '110105490230002' carries birth date 19490230, which is not a real date");
	});

	it('take the sex from the last digit (odd for men)', () => {
		const [reason] = reasonsOf(check('id-card', { ...oldCard, sex: '男' }), 'prcId.numberSex');
		expect(reason.expected).toBe('F');
		expect(check('id-card', { ...oldCard, number: '110105491231001', sex: '男' }).failed).toEqual([]);
	});

	it('are checked on driving licences too, where other numbers are skipped', () => {
		expect(check('driver-license', { number: '110105491231002', birth: '1949-12-31', sex: '女' }).failed).toEqual([]);
		expect(reasonsOf(check('driver-license', { number: '110105491231002', birth: '1950-12-31' }), 'prcId.numberBirthDate')).toHaveLength(1);
	});
});

describe("2023 Foreigner's Permanent Residence ID numbers (9, province, nationality, birth date, sequence, MOD 11-2)", () => {
	it('pass every check', () => {
		const number = permanentResidenceId('11', '840', '1985-07-14', '003');
		const outcome = check('id-card', { name: 'SMITH JOHN', sex: '男', birth: '1985-07-14', number });
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(expect.arrayContaining(['prcId.number', 'prcId.numberRegion', 'prcId.numberBirthDate', 'prcId.numberSex']));
	});

	it('fail when the issuing province after the 9 is none', () => {
		const number = permanentResidenceId('99', '840', '1985-07-14', '003');
		expect(reasonsOf(check('id-card', { number }), 'prcId.numberRegion')[0].message).toBe(
			`ID number '${number}' is a Foreigner's Permanent Residence ID (starts with 9) whose issuing province 99 is no PRC province code`,
		);
	});

	it('Hong Kong, Macao and Taiwan residence permits (81, 82, 83) stay accepted', () => {
		for (const region of ['810000', '820000', '830000']) {
			expect(check('id-card', { number: prcId(region, '1990-01-01', '123') }).failed).toEqual([]);
		}
	});
});
