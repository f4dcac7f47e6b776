/**
 * Which checks apply to which operation, as data. Field names are the simplified output's (nested
 * objects joined with `_`), and every one is a field of the operation's result in Huawei's SDK models.
 */
import type { DateField, LifeCycleDates } from './families/dates';
import { calendarDateCheck, dateField, datesInOrderCheck, notExpiredCheck } from './families/dates';
import { luhnCheck, prcIdChecks } from './families/identityNumbers';
import { countryCodeCheck } from './families/countries';
import {
	amountInWordsCheck,
	invoiceCodeCheck,
	invoiceNumberCheck,
	lineItemsCheck,
	totalOfPartsCheck,
} from './families/invoices';
import { mrzChecks } from './families/mrz';
import { chileRunCheck, thaiIdCheck } from './families/nationalIds';
import { socialCreditCodeCheck } from './families/organizationNumbers';
import type { AlarmKind } from './families/signals';
import { alarmCheck, confidenceCheck, idCardTypeCheck, verificationCheck } from './families/signals';
import { vinChecks } from './families/vin';
import type { Check } from './types';

export interface OperationRules {
	/** Date fields: checked as real dates, and given a `YYYY-MM-DD` normalized value. */
	dates?: DateField[];
	/** Expiry date fields (also in `dates`): the document must not be expired today. */
	expiry?: string[];
	/** Birth < issue < expiry. */
	order?: { birth?: string; issue?: string; expiry?: string };
	/** Money fields given a `{ amount, currency }` normalized value. */
	amounts?: string[];
	/** Huawei alarm flags the result can carry. */
	alarms?: AlarmKind[];
	/** Whether the result carries Huawei confidence; the string names the field a single whole-result score belongs to. */
	confidence?: true | string;
	checks?: Check[];
}

const dmy = (...fields: string[]): DateField[] => fields.map((field) => dateField(field, 'dmy'));
const ymd = (...fields: string[]): DateField[] => fields.map((field) => dateField(field));

const ALL_ID_CARD_ALARMS: AlarmKind[] = [
	'reproduce',
	'copy',
	'tampering',
	'border_integrity',
	'blocking_within_border',
	'blur',
	'interim',
	'glare',
];

/** The three-line MRZ (TD1) of the ID cards Huawei reads it from, with day-first printed dates. */
const idCardMrzChecks = (documentNumber: string): Check[] =>
	mrzChecks({
		lines: ['machine_code1', 'machine_code2', 'machine_code3'],
		printed: { documentNumber, birthDate: 'birth_date', expiryDate: 'expiry_date', sex: 'sex' },
		dateOrder: 'dmy',
	});

export const OPERATION_RULES: Readonly<Record<string, OperationRules>> = {
	// Identity documents
	passport: {
		dates: ymd('date_of_birth', 'date_of_issue', 'date_of_expiry'),
		expiry: ['date_of_expiry'],
		order: { birth: 'date_of_birth', issue: 'date_of_issue', expiry: 'date_of_expiry' },
		confidence: true,
		checks: [countryCodeCheck('country_code'), countryCodeCheck('nationality')],
	},
	'id-card': {
		dates: ymd('birth', 'valid_from', 'valid_to', 'front_birth', 'back_valid_from', 'back_valid_to'),
		expiry: ['valid_to', 'back_valid_to'],
		order: { birth: 'birth', issue: 'valid_from', expiry: 'valid_to' },
		alarms: ALL_ID_CARD_ALARMS,
		checks: [
			...prcIdChecks({ number: 'number', birth: 'birth', sex: 'sex' }),
			...prcIdChecks({ number: 'front_number', birth: 'front_birth', sex: 'front_sex' }),
			verificationCheck,
		],
	},
	'thailand-id-card': {
		dates: ymd('date_of_birth_en', 'date_of_issue_en', 'date_of_expiry_en'),
		expiry: ['date_of_expiry_en'],
		order: { birth: 'date_of_birth_en', issue: 'date_of_issue_en', expiry: 'date_of_expiry_en' },
		confidence: true,
		checks: [thaiIdCheck('id_number'), idCardTypeCheck],
	},
	'myanmar-id-card': { confidence: true, checks: [idCardTypeCheck] },
	'vietnam-id-card': {
		dates: dmy('birth_date', 'issue_date', 'expiry_date'),
		expiry: ['expiry_date'],
		order: { birth: 'birth_date', issue: 'issue_date', expiry: 'expiry_date' },
		confidence: true,
		checks: [...idCardMrzChecks('number'), idCardTypeCheck],
	},
	'cambodian-idcard': {
		dates: dmy('birth_date', 'issue_date', 'expiry_date'),
		expiry: ['expiry_date'],
		order: { birth: 'birth_date', issue: 'issue_date', expiry: 'expiry_date' },
		alarms: ['border_integrity', 'blocking_within_border', 'blur', 'glare', 'tampering', 'reproduce'],
		confidence: true,
		checks: [...idCardMrzChecks('id_number'), idCardTypeCheck],
	},
	'chile-id-card': {
		dates: dmy('birth', 'issue_date', 'expiry_date'),
		expiry: ['expiry_date'],
		order: { birth: 'birth', issue: 'issue_date', expiry: 'expiry_date' },
		confidence: true,
		checks: [chileRunCheck('number')],
	},
	'peru-id-card': {
		dates: dmy('birth_date', 'issue_date', 'expiry_date', 'registration_date'),
		expiry: ['expiry_date'],
		order: { birth: 'birth_date', issue: 'issue_date', expiry: 'expiry_date' },
		confidence: true,
		checks: idCardMrzChecks('cui_number'),
	},
	'colombia-id-card': {
		dates: dmy('birth_date', 'issue_date'),
		order: { birth: 'birth_date', issue: 'issue_date' },
		confidence: true,
	},
	'household-register': {
		dates: ymd('content_birth_date', 'content_registration_date', 'content_issue_date'),
		confidence: true,
		checks: prcIdChecks({ number: 'content_id_card_number', birth: 'content_birth_date', sex: 'content_sex' }),
	},

	// Vehicles
	'driver-license': {
		dates: ymd('birth', 'issue_date', 'valid_from', 'valid_to', 'front_birth', 'front_valid_to'),
		expiry: ['valid_to', 'front_valid_to'],
		order: { birth: 'birth', issue: 'issue_date', expiry: 'valid_to' },
		checks: [
			...prcIdChecks({ number: 'number', birth: 'birth', sex: 'sex', onlyWhenShaped: true }),
			...prcIdChecks({ number: 'front_number', birth: 'front_birth', sex: 'front_sex', onlyWhenShaped: true }),
		],
	},
	'vehicle-license': {
		dates: ymd('register_date', 'issue_date', 'front_register_date', 'front_issue_date'),
		alarms: ['border_integrity', 'blocking_within_border'],
		checks: [...vinChecks('vin'), ...vinChecks('front_vin')],
	},
	vin: { checks: vinChecks('vin') },
	'vehicle-certificate': {
		dates: ymd('issue_date', 'manufacture_date'),
		confidence: true,
		checks: vinChecks('vin'),
	},
	'license-plate': { confidence: 'plate_number' },
	'thailand-license-plate': { confidence: 'plate_number' },
	'myanmar-driver-license': {
		dates: dmy('birth_en', 'expiried_date_en'),
		expiry: ['expiried_date_en'],
		confidence: true,
	},
	'transportation-license': {
		dates: ymd('issue_date', 'expiry_date'),
		expiry: ['expiry_date'],
		order: { issue: 'issue_date', expiry: 'expiry_date' },
		confidence: true,
	},
	'transportation-qualification-certificate': {
		dates: ymd('birth_date', 'assessment_date', 'registration_date'),
		confidence: true,
		checks: prcIdChecks({ number: 'id_number', birth: 'birth_date', sex: 'sex' }),
	},

	// Invoices and receipts
	'vat-invoice': {
		dates: ymd('issue_date'),
		amounts: ['subtotal_amount', 'subtotal_tax', 'total', 'sum_amount', 'sum_tax'],
		confidence: true,
		checks: [
			lineItemsCheck({
				items: 'item_list',
				amount: 'amount',
				tax: 'tax',
				subtotalAmount: 'subtotal_amount',
				subtotalTax: 'subtotal_tax',
				totalPages: 'total_pages',
			}),
			totalOfPartsCheck(['subtotal_amount', 'subtotal_tax'], 'total', { required: ['subtotal_amount', 'subtotal_tax'] }),
			amountInWordsCheck('total', 'total_in_words'),
			invoiceCodeCheck('code'),
			invoiceNumberCheck('number'),
			socialCreditCodeCheck('buyer_id'),
			socialCreditCodeCheck('seller_id'),
		],
	},
	'mvs-invoice': {
		dates: ymd('issue_date'),
		amounts: ['tax_exclusive_price', 'tax', 'total'],
		confidence: true,
		checks: [
			totalOfPartsCheck(['tax_exclusive_price', 'tax'], 'total', { required: ['tax_exclusive_price', 'tax'] }),
			amountInWordsCheck('total', 'total_chinese'),
			invoiceCodeCheck('code'),
			invoiceNumberCheck('number'),
			...vinChecks('vehicle_identification_number'),
		],
	},
	'taxi-invoice': {
		dates: ymd('date'),
		amounts: ['unit_price', 'fare', 'fuel_oil_surcharge', 'call_service_surcharge', 'total'],
		confidence: true,
		checks: [invoiceCodeCheck('code'), invoiceNumberCheck('number')],
	},
	'train-ticket': {
		dates: ymd('issue_date'),
		amounts: ['ticket_price', 'tax_amount', 'total_amount_excluding_tax', 'amount_in_figures'],
		confidence: true,
		checks: [
			amountInWordsCheck('amount_in_figures', 'amount_in_words'),
			socialCreditCodeCheck('unified_social_credit_code'),
		],
	},
	'quota-invoice': {
		amounts: ['amount'],
		confidence: true,
		checks: [invoiceCodeCheck('code'), invoiceNumberCheck('number')],
	},
	'toll-invoice': {
		dates: ymd('date'),
		amounts: ['amount'],
		confidence: true,
		checks: [invoiceCodeCheck('code'), invoiceNumberCheck('number')],
	},
	'flight-itinerary': {
		dates: ymd('issue_date'),
		amounts: ['fare', 'caac_development_fund', 'fuel_surcharge', 'other_taxes', 'insurance', 'total', 'tax'],
		confidence: true,
		checks: [
			totalOfPartsCheck(['fare', 'caac_development_fund', 'fuel_surcharge', 'other_taxes'], 'total', {
				required: ['fare'],
			}),
		],
	},

	// Business documents
	bankcard: {
		dates: [
			{ field: 'issue_date', monthYear: true },
			{ field: 'expiry_date', monthYear: true },
		],
		expiry: ['expiry_date'],
		confidence: true,
		checks: [luhnCheck('card_number')],
	},
	'business-license': {
		dates: ymd('found_date', 'issue_date'),
		amounts: ['registered_capital'],
		confidence: true,
		checks: [socialCreditCodeCheck('registration_number')],
	},
	'acceptance-bill': {
		dates: ymd('issue_date', 'due_date'),
		amounts: ['amount_in_figures'],
		order: { issue: 'issue_date', expiry: 'due_date' },
		confidence: true,
		checks: [amountInWordsCheck('amount_in_figures', 'amount_in_words')],
	},
	'real-estate-certificate': { confidence: true },
	'waybill-electronic': { confidence: true },

	// Classification
	'auto-id-doc-classification': {
		alarms: ['blur', 'glare', 'blocking_within_border', 'insufficient_lighting', 'copy', 'border_integrity', 'reproduce'],
		confidence: 'type',
	},
};

function orderDates(rules: OperationRules): LifeCycleDates {
	const byField = (field: string | undefined) => rules.dates?.find((date) => date.field === field);
	return { birth: byField(rules.order?.birth), issue: byField(rules.order?.issue), expiry: byField(rules.order?.expiry) };
}

/** The rules of an operation, or undefined (own keys only: `constructor` is no operation). */
export function rulesFor(operationId: string): OperationRules | undefined {
	return Object.prototype.hasOwnProperty.call(OPERATION_RULES, operationId)
		? OPERATION_RULES[operationId]
		: undefined;
}

const built = new Map<string, Check[]>();

/** Every check of an operation, in a stable order (none for operations without rules). */
export function operationChecks(operationId: string): Check[] {
	let checks = built.get(operationId);
	if (checks === undefined) {
		checks = buildChecks(rulesFor(operationId));
		built.set(operationId, checks);
	}
	return checks;
}

function buildChecks(rules: OperationRules | undefined): Check[] {
	if (rules === undefined) return [];
	const dates = rules.dates ?? [];
	const expiryDates = (rules.expiry ?? []).map(
		(field) => dates.find((date) => date.field === field) ?? dateField(field),
	);
	return [
		...(rules.checks ?? []),
		...dates.map(calendarDateCheck),
		...expiryDates.map(notExpiredCheck),
		...(rules.order ? [datesInOrderCheck(orderDates(rules))] : []),
		...(rules.alarms ?? []).map(alarmCheck),
		...(rules.confidence === undefined
			? []
			: [confidenceCheck(rules.confidence === true ? undefined : rules.confidence)]),
	];
}
