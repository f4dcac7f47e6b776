import { check, reasonsOf } from './helpers';

describe('VIN', () => {
	it('passes the ISO 3779 example', () => {
		const outcome = check('vin', { vin: '1M8GDM9AXKP042788' });
		expect(outcome).toEqual({ passed: ['vin.vin', 'vin.vinCheckDigit', 'vin.vinModelYear'], failed: [], skipped: [] });
	});

	it('fails a wrong check digit, saying which it should be', () => {
		const outcome = check('vin', { vin: '1M8GDM9A3KP042788' });
		expect(reasonsOf(outcome, 'vin.vinCheckDigit')).toEqual([
			{
				check: 'vin.vinCheckDigit',
				field: 'vin',
				message: "VIN check digit fails: '1M8GDM9A3KP042788' expects X in position 9, got 3",
				value: '1M8GDM9A3KP042788',
				expected: 'X',
			},
		]);
	});

	it('fails a one-character corruption elsewhere', () => {
		const outcome = check('vin', { vin: '1M8GDM9AXKP042789' });
		expect(reasonsOf(outcome, 'vin.vinCheckDigit')[0].expected).toBe('1');
	});

	it('suggests the one look-alike repair of a letter VINs never use', () => {
		const outcome = check('vin', { vin: '1M8GDM9AXKPO42788' });
		const [reason] = reasonsOf(outcome, 'vin.vin');
		expect(reason).toMatchObject({ value: '1M8GDM9AXKPO42788', suggestion: '1M8GDM9AXKP042788' });
		expect(reason.message).toBe(
			"VIN '1M8GDM9AXKPO42788' contains 'O', which VINs never use; reading 'O' at position 12 as '0' would make it pass",
		);
		expect(outcome.skipped).toContain('vin.vinCheckDigit');
	});

	it('fails a wrong length and a bad model-year character', () => {
		expect(reasonsOf(check('vin', { vin: '1M8GDM9AXKP04278' }), 'vin.vin')[0].message).toBe(
			"VIN '1M8GDM9AXKP04278' has 16 characters, expected 17",
		);
		// U is no model-year character (the check digit is recomputed for the changed position 10)
		const outcome = check('vin', { vin: 'LSVAU2181U2183294' });
		expect(outcome.passed).toContain('vin.vinCheckDigit');
		expect(reasonsOf(outcome, 'vin.vinModelYear')[0].message).toBe(
			"VIN 'LSVAU2181U2183294' has 'U' in position 10, which is no model-year character (never 0, I, O, Q, U or Z)",
		);
	});

	it('checks the check digit and model year of Chinese VINs (L…) but not of European ones', () => {
		expect(check('vin', { vin: 'LSVAU218XN2183294' }).failed).toEqual([]);
		expect(reasonsOf(check('vin', { vin: 'LSVAU2181N2183294' }), 'vin.vinCheckDigit')).toHaveLength(1);
		const european = check('vin', { vin: 'WVWZZZ1JZ3W386752' });
		expect(european.failed).toEqual([]);
		expect(european.skipped).toEqual(['vin.vinCheckDigit', 'vin.vinModelYear']);
	});

	it('checks the VIN of vehicle licences (both layouts) and motor vehicle sales invoices', () => {
		expect(reasonsOf(check('vehicle-license', { front: { vin: '1M8GDM9A3KP042788' } }), 'vin.frontVinCheckDigit')).toHaveLength(1);
		expect(check('vehicle-license', { vin: '1M8GDM9AXKP042788' }).passed).toContain('vin.vinCheckDigit');
		expect(
			reasonsOf(check('mvs-invoice', { vehicle_identification_number: '1M8GDM9A3KP042788' }), 'vin.vehicleIdentificationNumberCheckDigit'),
		).toHaveLength(1);
	});

	it("reads the vehicle licence's alarm_result", () => {
		const outcome = check('vehicle-license', {
			alarm_result: { detect_border_integrity_result: true, detect_blocking_within_border_result: false },
			alarm_confidence: { border_integrity_score: 77, blocking_within_border_score: 3 },
		});
		expect(reasonsOf(outcome, 'huawei.borderIntegrity')[0].message).toBe(
			"Huawei flags that the document's border is incomplete (score 77)",
		);
		expect(outcome.passed).toContain('huawei.blockingWithinBorder');
	});
});

describe('bank card', () => {
	it.each(['4111111111111111', '4111 1111 1111 1111', '6011111111111117', '5555555555554444'])('passes %s', (number) => {
		const outcome = check('bankcard', { card_number: number });
		expect(outcome.passed).toContain('luhn.cardNumber');
	});

	it('fails a one-digit corruption of a Luhn test number', () => {
		const outcome = check('bankcard', { card_number: '4111111111111112' });
		expect(reasonsOf(outcome, 'luhn.cardNumber')).toEqual([
			{
				check: 'luhn.cardNumber',
				field: 'card_number',
				message: "card number '4111111111111112' fails the Luhn check",
				value: '4111111111111112',
			},
		]);
	});

	it.each([
		['B', '8', '4012B88888881881', '4012888888881881', 4],
		['G', '6', '6O11111111111117'.replace('6O', 'G0'), '6011111111111117', 0],
		['I', '1', '41111111I1111111', '4111111111111111', 8],
		['S', '5', 'S555555555554444', '5555555555554444', 0],
		['O', '0', '4O12888888881881', '4012888888881881', 1],
	])('repairs %s read for %s', (from, to, misread, repaired, index) => {
		const [reason] = reasonsOf(check('bankcard', { card_number: misread }), 'luhn.cardNumber');
		expect(reason).toMatchObject({ value: misread, suggestion: repaired });
		expect(reason.message).toBe(
			`card number '${misread}' is not 12–19 digits; reading '${from}' at position ${index + 1} as '${to}' would make it pass`,
		);
	});

	it('flags an expired card from its MM/YY expiry, which runs to the end of the month', () => {
		expect(check('bankcard', { expiry_date: '11/26' }).passed).toContain('expiry.expiryDate');
		const outcome = check('bankcard', { expiry_date: '10/26' });
		expect(reasonsOf(outcome, 'expiry.expiryDate')[0].message).toBe('document expired on 2026-10-31 (today is 2026-11-30)');
	});

	it('skips masked card numbers', () => {
		expect(check('bankcard', { card_number: '6222 **** **** 1234' }).skipped).toContain('luhn.cardNumber');
	});
});

describe('list results and low confidence', () => {
	it('checks every licence plate, naming the entry', () => {
		const plate = (confidence: number) => ({
			plate_number: '京A12345',
			plate_color: 'blue',
			plate_location: [
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 1],
			],
			confidence,
		});
		const outcome = check('license-plate', [plate(0.99), plate(0.42)]);
		expect(outcome.failed).toEqual([
			{
				check: 'confidence',
				field: '[1].plate_number',
				message: 'Huawei is only 42% sure of plate_number (minimum 80%)',
				value: '京A12345',
				confidence: 0.42,
			},
		]);
	});
});
