import { checksFor } from '../../../nodes/HuaweiCloudOcr/checks';
import { icaoCheckDigit } from '../../../nodes/HuaweiCloudOcr/checks/primitives/checkDigits';
import { check, reasonsOf } from './helpers';
import { TD1, TD3 } from './specimens';

// TD1 zones with real country codes (check digits computed independently of this code base)
const CAMBODIA = ['IDKHM1234567897<<<<<<<<<<<<<<<', '8503149M3001019KHM<<<<<<<<<<<6', 'SOK<<DARA<<<<<<<<<<<<<<<<<<<<<'];
const PERU = ['I<PER45678912<4<<<<<<<<<<<<<<<', '9005215F2812313PER<<<<<<<<<<<8', 'QUISPE<MAMANI<<ROSA<<<<<<<<<<<'];
const VIETNAM = ['IDVNM0123456784001095012345<<<', '9507203M3507201VNM<<<<<<<<<<<0', 'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<'];

const machineCodes = (lines: string[]) => ({ machine_code1: lines[0], machine_code2: lines[1], machine_code3: lines[2] });

const cambodianCard = (lines: string[], printed: Record<string, string> = {}) => ({
	id_number: '123456789',
	birth_date: '14/03/1985',
	sex: 'M',
	issue_date: '01/01/2020',
	expiry_date: '01/01/2030',
	...machineCodes(lines),
	...printed,
});

const MRZ_CHECKS = [
	'mrz.format',
	'mrz.documentNumber',
	'mrz.birthDate',
	'mrz.expiryDate',
	'mrz.composite',
	'mrz.issuingState',
	'mrz.nationality',
	'mrz.matchesPrinted',
];

describe('MRZ checks on ID cards with machine-readable lines', () => {
	it('passes a Cambodian ID card whose MRZ verifies and agrees with the printed fields', () => {
		const outcome = check('cambodian-idcard', cambodianCard(CAMBODIA));
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(expect.arrayContaining(MRZ_CHECKS));
		// TD1 has no separate personal-number check digit
		expect(outcome.skipped).toContain('mrz.optionalData');
	});

	it.each([
		[
			'a Peru ID card, whose printed CUI carries an extra national check character',
			'peru-id-card',
			{ cui_number: '45678912-4', birth_date: '21/05/1990', sex: 'F', expiry_date: '31/12/2028', ...machineCodes(PERU) },
		],
		[
			'a Vietnam ID card, whose 12-digit number sits in the MRZ optional data',
			'vietnam-id-card',
			{ number: '001095012345', birth_date: '20/07/1995', sex: 'Nam', expiry_date: '20/07/2035', ...machineCodes(VIETNAM) },
		],
	])('passes %s', (_, operationId, result) => {
		const outcome = check(operationId, result);
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(expect.arrayContaining(MRZ_CHECKS));
	});

	it('fails a wrong document number check digit with a message a person understands', () => {
		const lines = [CAMBODIA[0].replace('1234567897', '1234567893'), CAMBODIA[1], CAMBODIA[2]];
		const outcome = check('cambodian-idcard', cambodianCard(lines));
		expect(reasonsOf(outcome, 'mrz.documentNumber')).toEqual([
			{
				check: 'mrz.documentNumber',
				field: 'machine_code1',
				message: "document number check digit fails: '123456789' expects 7, got 3",
				value: '1234567893',
				expected: '7',
			},
		]);
		expect(reasonsOf(outcome, 'mrz.composite')).toHaveLength(1);
	});

	it("words a TD3 failure as in the issue: 'L898902C3' expects 6, got 3", () => {
		const line2 = TD3[1].replace('L898902C36', 'L898902C33');
		const outcome = check('cambodian-idcard', { machine_code1: TD3[0], machine_code2: line2 });
		expect(reasonsOf(outcome, 'mrz.documentNumber')[0]).toMatchObject({
			field: 'machine_code2',
			message: "document number check digit fails: 'L898902C3' expects 6, got 3",
		});
	});

	it('suggests the one look-alike repair, without changing the value', () => {
		const lines = [CAMBODIA[0], CAMBODIA[1].replace('850314', '85O314'), CAMBODIA[2]];
		const outcome = check('cambodian-idcard', cambodianCard(lines));
		const [reason] = reasonsOf(outcome, 'mrz.birthDate');
		expect(reason).toMatchObject({
			field: 'machine_code2',
			value: '85O3149',
			suggestion: '850314',
		});
		expect(reason.message).toContain("reading 'O' at position 3 as '0' would make it pass");
	});

	it('names a look-alike in the check digit itself', () => {
		const line2 = TD3[1].replace('L898902C36', 'L898902C3G');
		const [reason] = reasonsOf(check('cambodian-idcard', { machine_code1: TD3[0], machine_code2: line2 }), 'mrz.documentNumber');
		expect(reason.message).toBe(
			"document number check digit fails: 'L898902C3' expects 6, got G; reading 'G' at the check digit as '6' would make it pass",
		);
		expect(reason.suggestion).toBe('L898902C3');
	});

	it('flags printed fields that disagree with the MRZ', () => {
		const outcome = check(
			'cambodian-idcard',
			cambodianCard(CAMBODIA, { id_number: '123456780', birth_date: '15/03/1985', sex: 'F' }),
		);
		expect(reasonsOf(outcome, 'mrz.matchesPrinted')).toEqual([
			expect.objectContaining({ field: 'id_number', expected: '123456789' }),
			expect.objectContaining({
				field: 'birth_date',
				message: "printed birth date '15/03/1985' differs from the MRZ's 1985-03-14",
			}),
			expect.objectContaining({ field: 'sex', expected: 'M' }),
		]);
	});

	it("flags ICAO's specimen state and codes that are no country", () => {
		const specimen = check('cambodian-idcard', machineCodes(TD1));
		expect(reasonsOf(specimen, 'mrz.issuingState')[0].message).toBe(
			"issuing state 'UTO' is ICAO's specimen state: this is a sample document",
		);
		// Every check digit of the specimen verifies
		expect(specimen.passed).toEqual(expect.arrayContaining(['mrz.documentNumber', 'mrz.composite']));

		const line1 = CAMBODIA[0].replace('IDKHM', 'IDZZZ');
		const unknown = check('cambodian-idcard', cambodianCard([line1, CAMBODIA[1], CAMBODIA[2]]));
		expect(reasonsOf(unknown, 'mrz.issuingState')[0].message).toBe("issuing state 'ZZZ' is not an ICAO 9303 country code");
	});

	it('accepts ICAO additions such as D (Germany) and UNO as nationalities', () => {
		for (const code of ['D<<', 'UNO', 'GBD', 'XXA']) {
			const line2 = CAMBODIA[1].replace('KHM', code);
			const composite = line2.slice(0, 29);
			const line1 = CAMBODIA[0];
			const compositeDigit = icaoCheckDigit(line1.slice(5) + composite.slice(0, 7) + composite.slice(8, 15) + composite.slice(18, 29));
			const outcome = check('cambodian-idcard', { machine_code1: line1, machine_code2: composite + String(compositeDigit), machine_code3: CAMBODIA[2] });
			expect(outcome.passed).toContain('mrz.nationality');
		}
	});

	it('fails lines that are no ICAO zone, and skips the digit checks', () => {
		const outcome = check('cambodian-idcard', cambodianCard([CAMBODIA[0].slice(2), CAMBODIA[1], CAMBODIA[2]]));
		expect(reasonsOf(outcome, 'mrz.format')[0].message).toBe(
			'the machine-readable lines are not an ICAO 9303 zone: got 3 line(s) of 28, 30, 30 characters, expected 3 × 30, 2 × 36 or 2 × 44',
		);
		expect(outcome.skipped).toEqual(expect.arrayContaining(['mrz.documentNumber', 'mrz.composite']));
	});

	it('skips every MRZ check when the result has no machine-readable lines', () => {
		const outcome = check('cambodian-idcard', { id_number: '123456789' });
		expect(outcome.skipped).toEqual(expect.arrayContaining(MRZ_CHECKS));
	});

	it('puts no MRZ checks on passports, whose result has no MRZ lines', () => {
		expect(checksFor('passport').filter((entry) => entry.check.startsWith('mrz.'))).toEqual([]);
	});
});

const idCard = (fields: Record<string, unknown>) => ({
	name: '张三',
	sex: '女', // the 17th digit of the GB 11643 example, 2, is even
	birth: '1949-12-31',
	number: '11010519491231002X',
	...fields,
});

describe('PRC resident ID number', () => {
	it('passes the GB 11643 example with matching birth date and sex', () => {
		const outcome = check('id-card', idCard({}));
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(
			expect.arrayContaining(['prcId.number', 'prcId.numberRegion', 'prcId.numberBirthDate', 'prcId.numberSex']),
		);
	});

	it('fails a wrong check character, saying what it should be', () => {
		const outcome = check('id-card', idCard({ number: '110105194912310021' }));
		expect(reasonsOf(outcome, 'prcId.number')).toEqual([
			{
				check: 'prcId.number',
				field: 'number',
				message: "ID number check character fails: '11010519491231002' expects X, got 1",
				value: '110105194912310021',
				expected: 'X',
			},
		]);
	});

	it.each([
		['O', '0', '11O10519491231002X', 2],
		['I', '1', 'I1010519491231002X', 0],
		['S', '5', '11010S19491231002X', 5],
		['Z', '2', '1101051949123100ZX', 16],
	])('repairs %s read for %s', (from, to, misread, index) => {
		const outcome = check('id-card', idCard({ number: misread }));
		const [reason] = reasonsOf(outcome, 'prcId.number');
		expect(reason.suggestion).toBe('11010519491231002X');
		expect(reason.value).toBe(misread);
		expect(reason.message).toContain(`reading '${from}' at position ${index + 1} as '${to}' would make it pass`);
	});

	it('fails a birth date that disagrees with the number, or does not exist', () => {
		const mismatch = check('id-card', idCard({ birth: '1949-12-30' }));
		expect(reasonsOf(mismatch, 'prcId.numberBirthDate')[0]).toMatchObject({
			field: 'birth',
			message: "printed birth date '1949-12-30' differs from 1949-12-31 in ID number '11010519491231002X'",
			expected: '1949-12-31',
		});
		// 1949-02-30 with a correct check character
		const unreal = check('id-card', idCard({ number: '110105194902300020', birth: undefined }));
		expect(reasonsOf(unreal, 'prcId.number')).toEqual([]);
		expect(reasonsOf(unreal, 'prcId.numberBirthDate')[0].message).toContain('19490230, which is not a real date');
	});

	it('fails a region prefix outside the province codes', () => {
		const outcome = check('id-card', idCard({ number: '000105194912310024', birth: undefined }));
		expect(reasonsOf(outcome, 'prcId.number')).toEqual([]);
		expect(reasonsOf(outcome, 'prcId.numberRegion')[0].message).toBe(
			"ID number '000105194912310024' starts with 00, which is no PRC province code",
		);
	});

	it('fails a printed sex that disagrees with the 17th digit', () => {
		const outcome = check('id-card', idCard({ sex: '男' }));
		expect(reasonsOf(outcome, 'prcId.numberSex')[0]).toMatchObject({
			field: 'sex',
			message: "printed sex '男' differs from ID number '11010519491231002X', which says F",
			expected: 'F',
		});
	});

	it('checks the front of a double-sided card under front_*', () => {
		const outcome = check('id-card', { front: { number: '110105194912310021', birth: '1949-12-31', sex: '女' } });
		expect(reasonsOf(outcome, 'prcId.frontNumber')[0].field).toBe('front_number');
		expect(outcome.skipped).toContain('prcId.number');
	});

	it("treats a long-term ('长期') card as never expiring, and flags an expired one", () => {
		const longTerm = check('id-card', { issue: '北京市公安局', valid_from: '2010.04.10', valid_to: '长期' });
		expect(longTerm.passed).toContain('expiry.validTo');
		expect(longTerm.skipped).toContain('date.validTo');
		const expired = check('id-card', { valid_from: '2006.04.10', valid_to: '2026.04.10' });
		expect(reasonsOf(expired, 'expiry.validTo')[0].message).toBe('document expired on 2026-04-10 (today is 2026-11-30)');
	});

	it('skips masked numbers (train tickets print 3201**********1234)', () => {
		const outcome = check('transportation-qualification-certificate', { id_number: '1101**********002X' });
		expect(outcome.skipped).toContain('prcId.idNumber');
	});
});

describe("Huawei's own ID card signals", () => {
	it("fails Huawei's copy alarm, with its score", () => {
		const outcome = check('id-card', idCard({ detect_copy_result: true, detect_reproduce_result: false, score_info: { copy_score: 87 } }));
		expect(reasonsOf(outcome, 'huawei.copy')).toEqual([
			{
				check: 'huawei.copy',
				field: 'detect_copy_result',
				message: 'Huawei flags that the image is a photocopy (score 87)',
				value: 'true',
			},
		]);
		expect(outcome.passed).toContain('huawei.reproduce');
		expect(outcome.skipped).toContain('huawei.glare');
	});

	it('reads alarms on each side of a double-sided card', () => {
		const outcome = check('id-card', { front: { detect_tampering_result: true }, back: { detect_tampering_result: false } });
		expect(reasonsOf(outcome, 'huawei.tampering').map((reason) => reason.field)).toEqual(['front_detect_tampering_result']);
	});

	it("fails false entries of Huawei's verification_result", () => {
		const outcome = check(
			'id-card',
			idCard({ verification_result: { valid_number: true, valid_birth: false, valid_sex: true } }),
		);
		expect(reasonsOf(outcome, 'huawei.verification')).toEqual([
			expect.objectContaining({
				field: 'verification_result_valid_birth',
				message: "Huawei's verification says the birth date does not match the ID number",
			}),
		]);
	});

	it('fails an idcard_type other than normal', () => {
		const outcome = check('thailand-id-card', { id_number: '1234567890123', idcard_type: 'copy' });
		expect(reasonsOf(outcome, 'huawei.idcardType')[0].message).toBe("Huawei says the card image is 'copy', not an original");
		expect(check('thailand-id-card', { idcard_type: 'normal' }).passed).toContain('huawei.idcardType');
	});

	it('reads the alarm_result of auto ID document classification', () => {
		const outcome = check('auto-id-doc-classification', {
			type: 'passport',
			confidence: 0.99,
			alarm_result: { detect_insufficient_lighting_result: true, detect_blur_result: false },
			alarm_confidence: { insufficient_lighting_score: 91 },
		});
		expect(reasonsOf(outcome, 'huawei.insufficientLighting')[0]).toMatchObject({
			field: 'alarm_result_detect_insufficient_lighting_result',
			message: 'Huawei flags that the image is too dark (score 91)',
		});
		expect(outcome.passed).toEqual(expect.arrayContaining(['huawei.blur', 'confidence']));
	});
});

describe('passports: dates, expiry, country codes, confidence', () => {
	const passport = (fields: Record<string, unknown>) => ({
		passport_type: 'P',
		country_code: 'CHN',
		nationality: 'CHN',
		passport_number: 'E12345678',
		date_of_birth: '1990-03-14',
		date_of_issue: '2019-05-01',
		date_of_expiry: '2029-04-30',
		confidence: { passport_number: 0.99, date_of_birth: 0.97 },
		...fields,
	});

	it('passes a valid passport', () => {
		const outcome = check('passport', passport({}));
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(
			expect.arrayContaining([
				'expiry.dateOfExpiry',
				'dates.order',
				'countryCode.countryCode',
				'countryCode.nationality',
				'date.dateOfBirth',
				'confidence',
			]),
		);
	});

	it("flags an expired passport against today's date in the workflow's timezone", () => {
		const outcome = check('passport', passport({ date_of_expiry: '2026-11-29' }));
		expect(reasonsOf(outcome, 'expiry.dateOfExpiry')).toEqual([
			{
				check: 'expiry.dateOfExpiry',
				field: 'date_of_expiry',
				message: 'document expired on 2026-11-29 (today is 2026-11-30)',
				value: '2026-11-29',
			},
		]);
		expect(check('passport', passport({ date_of_expiry: '2026-11-30' })).passed).toContain('expiry.dateOfExpiry');
	});

	it('flags dates out of order and unreal dates', () => {
		const outOfOrder = check('passport', passport({ date_of_issue: '1989-01-01' }));
		expect(reasonsOf(outOfOrder, 'dates.order')[0].message).toBe('issue date 1989-01-01 is not after birth date 1990-03-14');
		const unreal = check('passport', passport({ date_of_birth: '1990-02-30' }));
		expect(reasonsOf(unreal, 'date.dateOfBirth')[0].message).toBe("'1990-02-30' is not a real date (1990-02-30 does not exist)");
		const future = check('passport', passport({ date_of_birth: '2027-01-01', date_of_issue: undefined }));
		expect(reasonsOf(future, 'dates.order')[0].message).toBe('birth date 2027-01-01 is after today (2026-11-30)');
	});

	it('skips the order check when only one date other than birth is known', () => {
		const outcome = check('passport', { date_of_expiry: '2030-01-01' });
		expect(outcome.skipped).toContain('dates.order');
		expect(check('passport', { date_of_birth: '1990-01-01' }).passed).toContain('dates.order');
	});

	it('suggests the reading of a date with a letter for a digit', () => {
		const outcome = check('passport', passport({ date_of_birth: '199O-03-14' }));
		expect(reasonsOf(outcome, 'date.dateOfBirth')[0]).toMatchObject({
			suggestion: '1990-03-14',
			message: "'199O-03-14' is not a date; reading 'O' as '0' gives 1990-03-14",
		});
	});

	it('checks country codes, with D and GBD valid and names skipped', () => {
		expect(check('passport', passport({ country_code: 'D', nationality: 'GBD' })).failed).toEqual([]);
		expect(reasonsOf(check('passport', passport({ country_code: 'XYZ' })), 'countryCode.countryCode')[0].message).toBe(
			"'XYZ' is not an ICAO 9303 country code",
		);
		expect(check('passport', passport({ nationality: '中国' })).skipped).toContain('countryCode.nationality');
	});

	it('flags fields whose confidence is below Minimum Confidence', () => {
		const outcome = check('passport', passport({ confidence: { passport_number: 0.62, date_of_birth: 0.97 } }));
		expect(reasonsOf(outcome, 'confidence')).toEqual([
			{
				check: 'confidence',
				field: 'passport_number',
				message: 'Huawei is only 62% sure of passport_number (minimum 80%)',
				value: 'E12345678',
				confidence: 0.62,
			},
		]);
		expect(check('passport', passport({ confidence: { passport_number: 0.62 } }), { minConfidence: 0.5 }).passed).toContain('confidence');
	});
});
