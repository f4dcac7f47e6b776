import { flattenFields, NO_DETAILS } from '../../../nodes/HuaweiCloudOcr/output/flatten';
import { toPlainText } from '../../../nodes/HuaweiCloudOcr/output/plainText';
import { validateResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { simplifyResult } from '../../../nodes/HuaweiCloudOcr/output/simplify';
import { ID_CARD, INVOICE_VERIFICATION, PASSPORT, VAT_INVOICE, sampleResult } from './helpers';

const documentMode = { ...NO_DETAILS, split: false };
const everything = { includeConfidence: true, includeLocations: true, includeImages: true, split: false };

const PASSPORT_RESULT = {
	passport_type: 'P',
	country_code: 'CHN',
	passport_number: 'E12345678',
	surname: 'LI',
	given_name: 'LEI',
	confidence: { passport_number: 0.99, surname: 0.98 },
	extra_info: { name_cn: '李雷' },
};

const ID_CARD_DOUBLE_SIDE = {
	front: {
		name: '张三',
		number: '110101199001011234',
		portrait_image: '/9j/portrait',
		adjusted_image: '/9j/adjusted',
		portrait_location: [[1, 2], [3, 2], [3, 4], [1, 4]],
		text_location: { name: [[5, 5], [9, 5], [9, 7], [5, 7]] },
		verification_result: { valid_number: true },
		score_info: { blur_score: 3 },
		detect_blur_result: false,
	},
	back: { issue: 'Beijing PSB', valid_from: '20200101', valid_to: '20400101' },
};

describe('fields family', () => {
	it('keeps named fields and local-language extras, drops confidence unless asked', () => {
		const [plain] = simplifyResult(validateResult(PASSPORT, PASSPORT_RESULT, 'r1'), documentMode);
		expect(plain).toEqual({
			passport_type: 'P',
			country_code: 'CHN',
			passport_number: 'E12345678',
			surname: 'LI',
			given_name: 'LEI',
			extra_info_name_cn: '李雷',
		});
		const [withConfidence] = simplifyResult(validateResult(PASSPORT, PASSPORT_RESULT, 'r1'), {
			...documentMode,
			includeConfidence: true,
		});
		expect(withConfidence.confidence_passport_number).toBe(0.99);
		expect(withConfidence.confidence_surname).toBe(0.98);
	});

	it('flattens front/back with prefixes and leaves out images and locations by default', () => {
		const [plain] = simplifyResult(validateResult(ID_CARD, ID_CARD_DOUBLE_SIDE, 'r1'), documentMode);
		expect(plain).toEqual({
			front_name: '张三',
			front_number: '110101199001011234',
			front_verification_result_valid_number: true,
			front_score_info_blur_score: 3,
			front_detect_blur_result: false,
			back_issue: 'Beijing PSB',
			back_valid_from: '20200101',
			back_valid_to: '20400101',
		});
	});

	it('keeps images and locations when asked, locations as returned', () => {
		const [full] = simplifyResult(validateResult(ID_CARD, ID_CARD_DOUBLE_SIDE, 'r1'), everything);
		expect(full.front_portrait_image).toBe('/9j/portrait');
		expect(full.front_adjusted_image).toBe('/9j/adjusted');
		expect(full.front_portrait_location).toEqual([[1, 2], [3, 2], [3, 4], [1, 4]]);
		expect(full.front_text_location).toEqual({ name: [[5, 5], [9, 5], [9, 7], [5, 7]] });
	});

	it('reads the id-card skeleton without images, locations or confidence', () => {
		const [item] = simplifyResult(validateResult(ID_CARD, sampleResult('id-card.skeleton'), 'r1'), documentMode);
		const keys = Object.keys(item);
		expect(keys).toContain('name');
		expect(keys).toContain('front_name');
		expect(keys).toContain('back_valid_to');
		expect(keys).toContain('verification_result_valid_number');
		expect(keys.filter((key) => /_image$|location/.test(key))).toEqual([]);
	});

	it('turns invoice item lists into arrays of flat objects and keeps arrays of strings', () => {
		const invoice = {
			number: '12345678',
			seller_seal: ['Seal A', 'Seal B'],
			item_list: [
				{ name: 'Coffee', quantity: '2', amount: { words: '20.00', location: [[0, 0]] } },
				{ name: 'Tea', quantity: '1', amount: { words: '5.00', location: [[0, 0]] } },
			],
			confidence: { number: 0.9 },
			text_location: { number: [[0, 0]] },
		};
		const [item] = simplifyResult(validateResult(VAT_INVOICE, invoice, 'r1'), documentMode);
		expect(item).toEqual({
			number: '12345678',
			seller_seal: ['Seal A', 'Seal B'],
			item_list: [
				{ name: 'Coffee', quantity: '2', amount: '20.00' },
				{ name: 'Tea', quantity: '1', amount: '5.00' },
			],
		});
		expect(toPlainText(VAT_INVOICE, invoice)).toBe(
			'number: 12345678\nseller_seal: Seal A, Seal B\nitem_list[1].name: Coffee\nitem_list[1].quantity: 2\nitem_list[1].amount: 20.00\nitem_list[2].name: Tea\nitem_list[2].quantity: 1\nitem_list[2].amount: 5.00',
		);
	});

	it('turns key-value lists (bank receipts) into named fields', () => {
		const receipt = {
			bank_receipt_count: 1,
			bank_receipt_list: [
				{
					kv_pair_count: 3,
					bank_receipt_location: [[0, 0]],
					kv_pair_list: [
						{ key: 'Payer', value: 'ACME' },
						{ key: 'Amount', value: '100.00' },
						{ key: 'Amount', value: '100.00 CNY' },
					],
				},
			],
		};
		expect(flattenFields(receipt)).toEqual({
			bank_receipt_count: 1,
			bank_receipt_list: [{ kv_pair_count: 3, Payer: 'ACME', Amount: '100.00', Amount_2: '100.00 CNY' }],
		});
	});

	it('collapses { words, location } values (insurance policy) and keeps their location when asked', () => {
		const policy = { bill_number: { words: 'P-1', location: [[1, 1]] }, bank_name: 'Bank' };
		expect(flattenFields(policy)).toEqual({ bill_number: 'P-1', bank_name: 'Bank' });
		expect(flattenFields(policy, { ...NO_DETAILS, includeLocations: true })).toEqual({
			bill_number: 'P-1',
			bill_number_location: [[1, 1]],
			bank_name: 'Bank',
		});
	});

	it('flattens invoice verification results the same way', () => {
		const [item] = simplifyResult(
			validateResult(INVOICE_VERIFICATION, { status: 'valid', invoice: { code: '0441', total: '88.00' } }, 'r1'),
			documentMode,
		);
		expect(item).toEqual({ status: 'valid', invoice_code: '0441', invoice_total: '88.00' });
	});
});
