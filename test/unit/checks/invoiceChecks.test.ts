import { normalizedValues } from '../../../nodes/HuaweiCloudOcr/checks';
import { check, reasonsOf } from './helpers';

const vatInvoice = (fields: Record<string, unknown> = {}) => ({
	code: '044031900111',
	number: '12345678',
	issue_date: '2021年03月14日',
	subtotal_amount: '¥1,100.00',
	subtotal_tax: '¥143.00',
	total: '¥1243.00',
	total_in_words: '壹仟贰佰肆拾叁圆整',
	item_list: [
		{ name: '*软件*服务费', amount: '1000.00', tax_rate: '13%', tax: '130.00' },
		{ name: '*软件*维护费', amount: '100.00', tax_rate: '13%', tax: '13.00' },
	],
	...fields,
});

describe('VAT invoice', () => {
	it('passes an invoice whose lines, totals and words agree', () => {
		const outcome = check('vat-invoice', vatInvoice());
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(
			expect.arrayContaining([
				'invoice.lineItems',
				'invoice.totalSum',
				'amountInWords.totalInWords',
				'invoiceCode.code',
				'invoiceNumber.number',
				'date.issueDate',
			]),
		);
	});

	it("fails lines that don't add up to the subtotal", () => {
		const outcome = check('vat-invoice', vatInvoice({ subtotal_amount: '¥1,000.00', total: '¥1143.00', total_in_words: '壹仟壹佰肆拾叁圆整' }));
		expect(reasonsOf(outcome, 'invoice.lineItems')).toEqual([
			{
				check: 'invoice.lineItems',
				field: 'subtotal_amount',
				message: 'line amounts add up to 1100.00, but subtotal_amount is 1000.00',
				value: '¥1,000.00',
				expected: '1100.00',
			},
		]);
	});

	it('tolerates a difference of one cent', () => {
		const outcome = check('vat-invoice', vatInvoice({ subtotal_tax: '¥143.01', total: '¥1243.01', total_in_words: '壹仟贰佰肆拾叁圆零壹分' }));
		expect(outcome.failed).toEqual([]);
	});

	it('fails a total that is not subtotal plus tax', () => {
		const outcome = check('vat-invoice', vatInvoice({ total: '¥1343.00', total_in_words: '壹仟叁佰肆拾叁圆整' }));
		expect(reasonsOf(outcome, 'invoice.totalSum')[0].message).toBe(
			'subtotal_amount + subtotal_tax is 1243.00, but total is 1343.00',
		);
	});

	it('fails an amount in words that differs from the figures', () => {
		const outcome = check('vat-invoice', vatInvoice({ total_in_words: '壹仟贰佰叁拾肆元伍角整' }));
		expect(reasonsOf(outcome, 'amountInWords.totalInWords')).toEqual([
			{
				check: 'amountInWords.totalInWords',
				field: 'total_in_words',
				message: "amount in words '壹仟贰佰叁拾肆元伍角整' is 1234.50, but the figures say 1243.00",
				value: '壹仟贰佰叁拾肆元伍角整',
				expected: '1243.00',
			},
		]);
	});

	it('fails invoice codes and numbers of the wrong length, and accepts fully digital invoices', () => {
		const outcome = check('vat-invoice', vatInvoice({ code: '04403190011', number: '1234567' }));
		expect(reasonsOf(outcome, 'invoiceCode.code')[0].message).toBe("invoice code '04403190011' is not 10 or 12 digits");
		expect(reasonsOf(outcome, 'invoiceNumber.number')[0].message).toBe("invoice number '1234567' is not 8 (or 20) digits");
		const digital = check('vat-invoice', vatInvoice({ code: undefined, number: '24312000000012345678' }));
		expect(digital.passed).toContain('invoiceNumber.number');
		expect(digital.skipped).toContain('invoiceCode.code');
	});

	it('does not sum lines continued on an attached list, or pages of a multi-page invoice', () => {
		const attached = check(
			'vat-invoice',
			vatInvoice({ item_list: [{ name: '(详见销货清单)', amount: '1.00', tax: '0.13' }] }),
		);
		expect(attached.skipped).toContain('invoice.lineItems');
		const multiPage = check('vat-invoice', vatInvoice({ total_pages: '2', subtotal_amount: '¥5.00' }));
		expect(multiPage.skipped).toContain('invoice.lineItems');
	});

	it('normalizes dates and amounts beside the originals', () => {
		expect(normalizedValues('vat-invoice', vatInvoice())).toEqual({
			issue_date: '2021-03-14',
			subtotal_amount: { amount: 1100, currency: 'CNY' },
			subtotal_tax: { amount: 143, currency: 'CNY' },
			total: { amount: 1243, currency: 'CNY' },
		});
	});
});

describe('other invoices and bills', () => {
	it('motor vehicle sales invoice: price plus tax, total in words', () => {
		const good = check('mvs-invoice', {
			tax_exclusive_price: '88495.58',
			tax: '11504.42',
			total: '100000.00',
			total_chinese: '壹拾万圆整',
		});
		expect(good.failed).toEqual([]);
		expect(good.passed).toEqual(expect.arrayContaining(['invoice.totalSum', 'amountInWords.totalChinese']));
		const bad = check('mvs-invoice', { tax_exclusive_price: '88495.58', tax: '11504.42', total: '100000.00', total_chinese: '壹万圆整' });
		expect(reasonsOf(bad, 'amountInWords.totalChinese')[0].expected).toBe('100000.00');
	});

	it('flight itinerary: fare, fund and surcharges add up to the total', () => {
		const good = check('flight-itinerary', { fare: '1000.00', caac_development_fund: 'CN50.00', fuel_surcharge: 'YQ20.00', total: 'CNY1070.00' });
		expect(good.passed).toContain('invoice.totalSum');
		const bad = check('flight-itinerary', { fare: '1000.00', caac_development_fund: 'CN50.00', total: 'CNY1070.00' });
		expect(reasonsOf(bad, 'invoice.totalSum')[0].message).toBe(
			'fare + caac_development_fund + fuel_surcharge + other_taxes is 1050.00, but total is 1070.00',
		);
	});

	it('acceptance bill and train ticket: figures against words', () => {
		expect(check('acceptance-bill', { amount_in_figures: '¥1,000,000.00', amount_in_words: '人民币壹佰万元整' }).passed).toContain(
			'amountInWords.amountInWords',
		);
		const unreadable = check('train-ticket', { amount_in_figures: '¥54.50', amount_in_words: '伍拾肆块' });
		expect(reasonsOf(unreadable, 'amountInWords.amountInWords')[0].message).toBe(
			"amount in words '伍拾肆块' is not a Chinese uppercase amount",
		);
	});
});

describe('Unified Social Credit Code (GB 32100)', () => {
	it.each(['91350100M000100Y43', '91440300708461136T'])('passes %s', (code) => {
		expect(check('business-license', { registration_number: code }).passed).toContain('uscc.registrationNumber');
	});

	it('fails a wrong check character', () => {
		const [reason] = reasonsOf(check('business-license', { registration_number: '91440300708461136X' }), 'uscc.registrationNumber');
		expect(reason).toMatchObject({
			message: "credit code '91440300708461136X' fails its check character: expects T, got X",
			expected: 'T',
		});
	});

	it('repairs an O read for 0, a letter credit codes never use', () => {
		const [reason] = reasonsOf(check('business-license', { registration_number: '9144O300708461136T' }), 'uscc.registrationNumber');
		expect(reason).toMatchObject({ suggestion: '91440300708461136T' });
		expect(reason.message).toBe(
			"credit code '9144O300708461136T' has characters a Unified Social Credit Code never uses (I, O, S, V, Z); reading 'O' at position 5 as '0' would make it pass",
		);
	});

	it("accepts a person's ID number as the buyer, and skips old 15-digit registration numbers", () => {
		const outcome = check('vat-invoice', { buyer_id: '11010519491231002X', seller_id: '91440300708461136T' });
		expect(outcome.passed).toEqual(expect.arrayContaining(['uscc.buyerId', 'uscc.sellerId']));
		expect(check('business-license', { registration_number: '440301103097413' }).skipped).toContain('uscc.registrationNumber');
	});
});
