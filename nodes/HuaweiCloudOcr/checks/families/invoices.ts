/** Invoice and receipt checks: line items add up, figures match the amount in words, code/number formats. */
import type { Money } from '../primitives/amounts';
import { normalizeAmount, parseChineseAmount } from '../primitives/amounts';
import type { Check, ResultView } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { checkName, quote } from './naming';
import { textCheck } from './textCheck';

const TOLERANCE = 0.01;
const money = (value: number) => value.toFixed(2);

/** Flight itineraries prefix taxes with their code (`CN50.00`, `YQ20.00`). */
const TAX_CODE_PREFIX = /^[A-Z]{2}(?=\d)/;

export function amountOf(text: string | undefined): Money | undefined {
	if (text === undefined) return undefined;
	return normalizeAmount(text.trim().replace(TAX_CODE_PREFIX, ''));
}

function readAmount(view: ResultView, field: string): number | undefined {
	return amountOf(view.text(field))?.amount;
}

export interface LineItemFields {
	items: string;
	amount: string;
	tax: string;
	subtotalAmount: string;
	subtotalTax: string;
	/** Fields telling the page count: item sums are only complete on single-page invoices. */
	totalPages?: string;
}

/** Goods lists continued on an attached list ("详见销货清单") can't be summed from the invoice alone. */
const SEE_ATTACHED_LIST = /详见|清单/;

function sumItems(view: ResultView, fields: LineItemFields, key: 'amount' | 'tax'): number | undefined {
	const items = view.value(fields.items);
	if (!Array.isArray(items) || items.length === 0) return undefined;
	let sum = 0;
	for (const item of items) {
		if (typeof item !== 'object' || item === null) return undefined;
		const entry = item as Record<string, unknown>;
		if (typeof entry.name === 'string' && SEE_ATTACHED_LIST.test(entry.name)) return undefined;
		const raw = entry[fields[key]];
		if (raw === undefined || raw === null || raw === '') continue;
		const amount = typeof raw === 'string' || typeof raw === 'number' ? amountOf(String(raw))?.amount : undefined;
		if (amount === undefined) return undefined;
		sum += amount;
	}
	return Math.round(sum * 100) / 100;
}

export function lineItemsCheck(fields: LineItemFields): Check {
	return {
		name: 'invoice.lineItems',
		field: `${fields.items}, ${fields.subtotalAmount}, ${fields.subtotalTax}`,
		description: 'Line amounts add up to the subtotal, line taxes to the tax subtotal (within 0.01)',
		run(view) {
			const pages = fields.totalPages ? Number(view.text(fields.totalPages) ?? '1') : 1;
			if (pages > 1) return SKIPPED;
			const findings = [];
			let compared = 0;
			for (const [key, subtotalField] of [
				['amount', fields.subtotalAmount],
				['tax', fields.subtotalTax],
			] as const) {
				const sum = sumItems(view, fields, key);
				const subtotal = readAmount(view, subtotalField);
				if (sum === undefined || subtotal === undefined) continue;
				compared++;
				if (Math.abs(sum - subtotal) > TOLERANCE + 1e-9) {
					findings.push({
						field: subtotalField,
						message: `line ${key === 'amount' ? 'amounts' : 'taxes'} add up to ${money(sum)}, but ${subtotalField} is ${money(subtotal)}`,
						value: view.text(subtotalField),
						expected: money(sum),
					});
				}
			}
			if (compared === 0) return SKIPPED;
			return failed(...findings);
		},
	};
}

/** The total equals the sum of its parts (subtotal + tax, fare + fund + surcharge …). */
export function totalOfPartsCheck(parts: string[], total: string, options: { required: string[] }): Check {
	return {
		name: checkName('invoice', total, 'Sum'),
		field: [...parts, total].join(', '),
		description: `The total (${total}) equals ${parts.join(' + ')} within 0.01`,
		run(view) {
			const totalValue = readAmount(view, total);
			if (totalValue === undefined) return SKIPPED;
			let sum = 0;
			for (const part of parts) {
				const text = view.text(part);
				const value = readAmount(view, part);
				if (value === undefined) {
					if (options.required.includes(part) || text !== undefined) return SKIPPED;
					continue;
				}
				sum += value;
			}
			sum = Math.round(sum * 100) / 100;
			if (Math.abs(sum - totalValue) <= TOLERANCE + 1e-9) return PASSED;
			return failed({
				field: total,
				message: `${parts.join(' + ')} is ${money(sum)}, but ${total} is ${money(totalValue)}`,
				value: view.text(total),
				expected: money(sum),
			});
		},
	};
}

export function amountInWordsCheck(figures: string, words: string): Check {
	return {
		name: checkName('amountInWords', words),
		field: `${figures}, ${words}`,
		description: `The amount in figures (${figures}) equals the Chinese amount in words (${words})`,
		run(view) {
			const figure = readAmount(view, figures);
			const wordsText = view.text(words);
			const inWords = wordsText === undefined ? undefined : parseChineseAmount(wordsText);
			if (figure === undefined || wordsText === undefined) return SKIPPED;
			if (inWords === undefined) {
				return failed({
					field: words,
					message: `amount in words ${quote(wordsText)} is not a Chinese uppercase amount`,
					value: wordsText,
				});
			}
			if (Math.abs(figure - inWords) < 0.005) return PASSED;
			return failed({
				field: words,
				message: `amount in words ${quote(wordsText)} is ${money(inWords)}, but the figures say ${money(figure)}`,
				value: wordsText,
				expected: money(figure),
			});
		},
	};
}

/** Invoice codes have 10 (VAT special/ordinary) or 12 digits; fully digital invoices have none. */
export function invoiceCodeCheck(field: string): Check {
	return textCheck('invoiceCode', field, 'Invoice code of 10 or 12 digits', (text) => {
		const code = text.replace(/\s+/g, '');
		if (/^(\d{10}|\d{12})$/.test(code)) return PASSED;
		return failed({ field, message: `invoice code ${quote(text)} is not 10 or 12 digits`, value: text });
	});
}

/** Invoice numbers have 8 digits, or 20 on fully digital (全电) invoices. */
export function invoiceNumberCheck(field: string): Check {
	return textCheck('invoiceNumber', field, 'Invoice number of 8 digits (20 on fully digital invoices)', (text) => {
		const number = text.replace(/\s+/g, '').replace(/^No\.?/i, '');
		if (/^(\d{8}|\d{20})$/.test(number)) return PASSED;
		return failed({ field, message: `invoice number ${quote(text)} is not 8 (or 20) digits`, value: text });
	});
}
