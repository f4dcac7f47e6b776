/**
 * Check Results in n8n-core's engine against the emulator, which answers with documents that carry
 * their own proof (test/emulator/documents.ts): a good one goes to the main output, one with a
 * defect to Needs Review with the reason written for a person. Every item carries its checks summary.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { hostingRegions, OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import type { ReviewReason } from '../../../nodes/HuaweiCloudOcr/checks/types';
import {
	BANK_CARD,
	CAMBODIAN_ID_CARD,
	PASSPORT,
	PERU_ID_CARD,
	PRC_ID_CARD,
	VAT_INVOICE,
	VIN,
} from '../../emulator/documents';
import { png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';
import { parseSimplifiedItem } from '../node/simplifiedSchemas';

const emulatorOf = useEmulator();

const operationById = (id: string) => OPERATIONS.find((operation) => operation.id === id)!;

/** The OCR calls that carried a document (not the credential's one-off subscription probe). */
const ocrCalls = () => emulatorOf().requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);

/** Runs a version 1.1 node (Needs Review output on by default) over `documents`, one item each. */
async function recognize(
	operationId: string,
	documents: unknown[],
	extra: { recognitionOptions?: INodeParameters; options?: INodeParameters; parameters?: INodeParameters; typeVersion?: number } = {},
) {
	const operation = operationById(operationId);
	let next = 0;
	emulatorOf().answerWith(operationId, () => documents[next++]);
	const run = await runOcr({
		typeVersion: extra.typeVersion ?? 1.1,
		parameters: {
			resource: operation.resource,
			operation: operation.value,
			...(extra.recognitionOptions ? { recognitionOptions: extra.recognitionOptions } : {}),
			...(extra.options ? { options: extra.options } : {}),
			...extra.parameters,
		},
		credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: hostingRegions(operation)[0] }),
		items: await Promise.all(documents.map((_, i) => fileItem(png(200, 200), `scan-${i}.png`, 'image/png'))),
	});
	expect(run.error).toBeUndefined();
	const [main = [], needsReview = []] = run.outputs;
	if (extra.parameters?.simplify !== false && extra.options?.checkResults !== false) {
		for (const item of [...main, ...needsReview]) parseSimplifiedItem(operation.result.family, item.json);
	}
	return { ...run, main, needsReview };
}

const reasonsOf = (item: INodeExecutionData) => (item.json.review as { reasons: ReviewReason[] }).reasons;
const checksOf = (item: INodeExecutionData) => item.json.checks as { passed: string[]; failed: string[]; skipped: string[] };

describe('a document that fails a check goes to Needs Review, a good one to the main output', () => {
	it('Peru ID card: the MRZ document number check digit fails', async () => {
		const { main, needsReview } = await recognize('peru-id-card', [PERU_ID_CARD.good, PERU_ID_CARD.mrzCheckDigitFails]);

		expect(main.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(checksOf(main[0]).failed).toEqual([]);
		expect(checksOf(main[0]).passed).toEqual(expect.arrayContaining(['mrz.documentNumber', 'mrz.composite']));
		expect(main[0].json.review).toBeUndefined();

		expect(needsReview.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(checksOf(needsReview[0]).failed).toEqual(['mrz.documentNumber', 'mrz.composite']);
		expect(reasonsOf(needsReview[0])[0]).toMatchObject({
			field: 'machine_code1',
			check: 'mrz.documentNumber',
			expected: '4',
			message: "document number check digit fails: '45678912' expects 4, got 5",
		});
		// The originals are untouched; the item is the same simplified item the main output would get.
		expect(needsReview[0].json.machine_code1).toBe(PERU_ID_CARD.mrzCheckDigitFails.machine_code1);
		expect(needsReview[0].json.cui_number).toBe('45678912');
	});

	it('Cambodian ID card: the MRZ birth date check digit fails', async () => {
		const { main, needsReview } = await recognize('cambodian-idcard', [
			CAMBODIAN_ID_CARD.mrzCheckDigitFails,
			CAMBODIAN_ID_CARD.good,
		]);
		expect(main.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(needsReview.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(reasonsOf(needsReview[0])[0]).toMatchObject({ field: 'machine_code2', check: 'mrz.birthDate', expected: '4' });
	});

	it('VIN: the ISO 3779 check digit in position 9 is wrong', async () => {
		const { main, needsReview } = await recognize('vin', [VIN.good, VIN.wrongCheckDigit]);
		expect(main.map((item) => item.json.vin)).toEqual([VIN.good.vin]);
		expect(needsReview.map((item) => item.json.vin)).toEqual([VIN.wrongCheckDigit.vin]);
		expect(reasonsOf(needsReview[0])).toEqual([
			expect.objectContaining({ field: 'vin', check: 'vin.vinCheckDigit', expected: 'X', value: VIN.wrongCheckDigit.vin }),
		]);
		expect(reasonsOf(needsReview[0])[0].message).toMatch(/expects X in position 9, got 5/);
	});

	it('issue 17: a European VIN with 0 in position 10, a 15-digit and a 9-prefixed ID number go to the main output', async () => {
		const european = { vin: 'WVWZZZ1JZ0W386752' };
		const vins = await recognize('vin', [european, VIN.good]);
		expect(vins.needsReview).toEqual([]);
		expect(checksOf(vins.main[0]).skipped).toEqual(['vin.vinCheckDigit', 'vin.vinModelYear']);

		// GB 11643-1989 (15 digits, born 1949-12-31), and a 2023 Foreigner's Permanent Residence ID (9, Beijing, USA 840).
		const firstGeneration = { ...PRC_ID_CARD.good, number: '110105491231002' };
		const permanentResidence = { ...PRC_ID_CARD.good, name: 'SMITH JOHN', birth: '1985-07-14', sex: '男', number: '911840198507140034' };
		const cards = await recognize('id-card', [firstGeneration, permanentResidence], { recognitionOptions: { side: 'front' } });
		expect(cards.needsReview.map((item) => reasonsOf(item))).toEqual([]);
		for (const item of cards.main) {
			expect(checksOf(item).passed).toEqual(expect.arrayContaining(['prcId.number', 'prcId.numberRegion', 'prcId.numberBirthDate', 'prcId.numberSex']));
		}
	});

	it('bank card: the number fails the Luhn check', async () => {
		const { main, needsReview } = await recognize('bankcard', [BANK_CARD.failsLuhn, BANK_CARD.good]);
		expect(main.map((item) => item.json.card_number)).toEqual([BANK_CARD.good.card_number]);
		expect(reasonsOf(needsReview[0])).toEqual([
			expect.objectContaining({ field: 'card_number', check: 'luhn.cardNumber', value: '4111111111111112' }),
		]);
		expect(reasonsOf(needsReview[0])[0].message).toContain('fails the Luhn check');
	});

	it('PRC ID card: the ISO 7064 check character is wrong', async () => {
		const { main, needsReview } = await recognize('id-card', [PRC_ID_CARD.good, PRC_ID_CARD.wrongCheckCharacter], {
			recognitionOptions: { side: 'front' },
		});
		expect(main.map((item) => item.json.number)).toEqual([PRC_ID_CARD.good.number]);
		expect(checksOf(main[0]).passed).toContain('prcId.number');
		expect(reasonsOf(needsReview[0])).toEqual([
			expect.objectContaining({ field: 'number', check: 'prcId.number', expected: 'X', value: '110105194912310021' }),
		]);
		expect(reasonsOf(needsReview[0])[0].message).toBe("ID number check character fails: '11010519491231002' expects X, got 1");
	});

	it('VAT invoice: the line amounts do not add up to the subtotal', async () => {
		const { main, needsReview } = await recognize('vat-invoice', [VAT_INVOICE.linesDoNotSum, VAT_INVOICE.good]);
		expect(main.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(checksOf(main[0]).passed).toContain('invoice.lineItems');
		expect(reasonsOf(needsReview[0])).toEqual([
			expect.objectContaining({ field: 'subtotal_amount', check: 'invoice.lineItems', value: '160.00', expected: '150.00' }),
		]);
		// Amounts and dates as typed values beside Huawei's strings.
		expect(main[0].json).toMatchObject({
			total: '169.50',
			total_normalized: 169.5,
			issue_date: '2026年03月01日',
			issue_date_normalized: '2026-03-01',
		});
	});

	it("PRC ID card: Huawei's photocopy alarm, reported only when Detect Photocopy is on", async () => {
		const withAlarm = await recognize('id-card', [PRC_ID_CARD.photocopy], { recognitionOptions: { side: 'front', detectCopy: true } });
		expect(ocrCalls()[0].body).toMatchObject({ detect_copy: true });
		expect(withAlarm.main).toEqual([]);
		expect(reasonsOf(withAlarm.needsReview[0])).toEqual([
			expect.objectContaining({ field: 'detect_copy_result', check: 'huawei.copy', message: 'Huawei flags that the image is a photocopy' }),
		]);

		emulatorOf().clearLog();
		const withoutAlarm = await recognize('id-card', [PRC_ID_CARD.photocopy], { recognitionOptions: { side: 'front' } });
		expect(ocrCalls()[0].body).not.toHaveProperty('detect_copy');
		expect(withoutAlarm.needsReview).toEqual([]);
		expect(checksOf(withoutAlarm.main[0]).skipped).toContain('huawei.copy');
	});

	it('passport: expired before today in the workflow timezone', async () => {
		const { main, needsReview } = await recognize('passport', [PASSPORT.good, PASSPORT.expired]);
		expect(main.map((item) => item.json.date_of_expiry)).toEqual([PASSPORT.good.date_of_expiry]);
		expect(reasonsOf(needsReview[0])).toEqual([
			expect.objectContaining({ field: 'date_of_expiry', check: 'expiry.dateOfExpiry', value: '2022-03-01' }),
		]);
		expect(reasonsOf(needsReview[0])[0].message).toMatch(/^document expired on 2022-03-01 \(today is \d{4}-\d{2}-\d{2}\)$/);
	});

	it('passport: fields read with a confidence below Minimum Confidence, which the user can lower', async () => {
		const strict = await recognize('passport', [PASSPORT.lowConfidence]);
		expect(strict.main).toEqual([]);
		expect(reasonsOf(strict.needsReview[0])).toEqual([
			expect.objectContaining({ field: 'passport_number', check: 'confidence', confidence: 0.61 }),
			expect.objectContaining({ field: 'surname', check: 'confidence', confidence: 0.42 }),
		]);
		expect(reasonsOf(strict.needsReview[0])[1].message).toBe('Huawei is only 42% sure of surname (minimum 80%)');

		const lenient = await recognize('passport', [PASSPORT.lowConfidence], { options: { minConfidence: 0.4 } });
		expect(lenient.needsReview).toEqual([]);
		expect(checksOf(lenient.main[0]).passed).toContain('confidence');
	});
});

describe('requests and switches', () => {
	it('asks Huawei for confidence while Check Results is on, and not when it is off', async () => {
		const fields = { tax_exclusive_price: '100.00', total: '113.00', confidence: { total: 0.3 } };
		const on = await recognize('mvs-invoice', [fields]);
		expect(ocrCalls()[0].body).toMatchObject({ return_confidence: true });
		// The emulator returns confidence only when asked for, so the low-confidence total is seen.
		expect(reasonsOf(on.needsReview[0])).toEqual(
			expect.arrayContaining([expect.objectContaining({ check: 'confidence', field: 'total', confidence: 0.3 })]),
		);

		emulatorOf().clearLog();
		const off = await recognize('mvs-invoice', [fields], { options: { checkResults: false } });
		expect(ocrCalls()[0].body).not.toHaveProperty('return_confidence');
		expect(off.outputs).toHaveLength(2);
		expect(off.needsReview).toEqual([]);
		expect(off.main[0].json).not.toHaveProperty('checks');
		expect(off.main[0].json).not.toHaveProperty('review');
	});

	it('keeps one stream with the Needs Review output off: every item carries its checks', async () => {
		const { outputs } = await recognize('vin', [VIN.good, VIN.wrongCheckDigit], { parameters: { reviewOutput: false } });
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((item) => checksOf(item).failed)).toEqual([[], ['vin.vinCheckDigit']]);
		expect(outputs[0][1].json.review).toBeDefined();
	});

	it('keeps one stream for workflows saved with version 1, where nothing is connected to a second output', async () => {
		const { outputs } = await recognize('vin', [VIN.wrongCheckDigit, VIN.good], { typeVersion: 1 });
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(checksOf(outputs[0][0]).failed).toEqual(['vin.vinCheckDigit']);
	});

	it('leaves out normalized values when Add Normalized Values is off, and keeps raw results untouched', async () => {
		const off = await recognize('passport', [PASSPORT.good], { options: { addNormalized: false } });
		expect(Object.keys(off.main[0].json).filter((key) => key.endsWith('_normalized'))).toEqual([]);

		const raw = await recognize('passport', [PASSPORT.good], { parameters: { simplify: false } });
		expect(raw.main[0].json.result).toEqual(PASSPORT.good);
		expect(raw.main[0].json.normalized).toEqual({
			date_of_birth: '1985-07-14',
			date_of_issue: '2024-03-02',
			date_of_expiry: '2034-03-01',
		});
		expect(checksOf(raw.main[0]).failed).toEqual([]);
	});

	it('puts error items (Continue On Fail) on the main output, never on Needs Review', async () => {
		const operation = operationById('vin');
		emulatorOf().answerWith('vin', VIN.wrongCheckDigit);
		const run = await runOcr({
			typeVersion: 1.1,
			parameters: { resource: operation.resource, operation: operation.value },
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: hostingRegions(operation)[0] }),
			items: [await fileItem(png(200, 200), 'vin.png', 'image/png'), await fileItem(Buffer.from('not an image'), 'notes.txt', 'text/plain')],
			onError: 'continueRegularOutput',
		});
		const [main, needsReview] = run.outputs;
		expect(main.map((item) => [item.pairedItem, Boolean(item.json.error)])).toEqual([[{ item: 1 }, true]]);
		expect(needsReview.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	});

	it('refuses a Minimum Confidence outside 0–1 before any paid call', async () => {
		const operation = operationById('vin');
		const run = await runOcr({
			typeVersion: 1.1,
			parameters: { resource: operation.resource, operation: operation.value, options: { minConfidence: 80 } },
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: hostingRegions(operation)[0] }),
			items: [await fileItem(png(200, 200), 'vin.png', 'image/png')],
		});
		expect(run.error?.message).toBe('Minimum Confidence must be between 0 and 1, not 80');
		expect(run.error?.description).toContain('e.g. 0.8');
		expect(ocrCalls()).toHaveLength(0);
	});
});
