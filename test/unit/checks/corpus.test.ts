/**
 * Issue 17: a corpus of valid values across every check family must raise no alarm, and a corpus of
 * clearly wrong ones must all be caught. Valid values are built with the published algorithms,
 * implemented independently in ./validValues, from a seeded generator (the same corpus on every run).
 */
import { checksFor } from '../../../nodes/HuaweiCloudOcr/checks';
import { OPERATION_RULES } from '../../../nodes/HuaweiCloudOcr/checks/rules';
import { check, reasonsOf } from './helpers';
import {
	chileRun,
	chineseAmount,
	grouped,
	luhnCard,
	permanentResidenceId,
	prcId,
	td1,
	thaiId,
	uscc,
	vinWithCheckDigit,
} from './validValues';

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seeded(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)];
	const digits = (count: number) => Array.from({ length: count }, () => String(int(0, 9))).join('');
	const chars = (alphabet: string, count: number) => Array.from({ length: count }, () => pick([...alphabet])).join('');
	return { int, pick, digits, chars };
}

const random = seeded(17);
const pad2 = (n: number) => String(n).padStart(2, '0');
/** A real date between the years given, as YYYY-MM-DD. */
function randomDate(fromYear: number, toYear: number): string {
	const year = random.int(fromYear, toYear);
	const month = random.int(1, 12);
	const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
	return `${year}-${pad2(month)}-${pad2(day)}`;
}
const parts = (date: string) => date.split('-');
/** The ways Huawei returns dates (primitives/dates.ts documents them). */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DATE_FORMS: Record<string, (date: string) => string> = {
	iso: (date) => date,
	dotted: (date) => date.replace(/-/g, '.'),
	chinese: (date) => {
		const [y, m, d] = parts(date);
		return `${y}年${m}月${d}日`;
	},
	chineseUnpadded: (date) => {
		const [y, m, d] = parts(date);
		return `${y}年${Number(m)}月${Number(d)}日`;
	},
	compact: (date) => date.replace(/-/g, ''),
	slashedYearFirst: (date) => date.replace(/-/g, '/'),
	withTime: (date) => `${date} 10:22:33`,
	dayMonthName: (date) => {
		const [y, m, d] = parts(date);
		return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
	},
	bilingualMonth: (date) => {
		const [y, m, d] = parts(date);
		const french = ['JANV', 'FEVR', 'MARS', 'AVR', 'MAI', 'JUIN', 'JUIL', 'AOUT', 'SEPT', 'OCT', 'NOV', 'DEC'];
		return `${d} ${MONTHS[Number(m) - 1]}/${french[Number(m) - 1]} ${y}`;
	},
	dashedMonthName: (date) => {
		const [y, m, d] = parts(date);
		return `${d}-${MONTHS[Number(m) - 1][0]}${MONTHS[Number(m) - 1].slice(1).toLowerCase()}-${y}`;
	},
	monthNameFirst: (date) => {
		const [y, m, d] = parts(date);
		return `${MONTHS[Number(m) - 1][0]}${MONTHS[Number(m) - 1].slice(1).toLowerCase()} ${Number(d)}, ${y}`;
	},
};
/** Day-first numeric dates, on documents that print them so (`dmy` fields). */
const dayFirst = (date: string, separator = '/') => {
	const [y, m, d] = parts(date);
	return [d, m, y].join(separator);
};

describe('the generators agree with published examples', () => {
	it('GB 11643, ISO 3779, Luhn, GB 32100, ICAO 9303, RUN, Thai ID, amounts in words', () => {
		expect(prcId('110105', '1949-12-31', '002')).toBe('11010519491231002X');
		expect(vinWithCheckDigit('1M8GDM9A?KP042788')).toBe('1M8GDM9AXKP042788');
		expect(vinWithCheckDigit('1HGCM826?3A004352')).toBe('1HGCM82633A004352');
		expect(luhnCard('411111111111111')).toBe('4111111111111111');
		expect(uscc('91440300708461136')).toBe('91440300708461136T');
		// ICAO Doc 9303 Part 5 TD1 specimen (Utopia)
		expect(td1({ type: 'I<', state: 'UTO', number: 'D23145890', birth: '740812', sex: 'F', expiry: '120415', nationality: 'UTO', surname: 'ERIKSSON', given: 'ANNA MARIA' })).toEqual([
			'I<UTOD231458907<<<<<<<<<<<<<<<',
			'7408122F1204159UTO<<<<<<<<<<<6',
			'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
		]);
		expect(chileRun('12345678')).toBe('5');
		expect(thaiId('110170020745')).toBe('1101700207455');
		expect(chineseAmount(169.5)).toBe('壹佰陆拾玖元伍角');
		expect(chineseAmount(1023.45)).toBe('壹仟零贰拾叁元肆角伍分');
		expect(chineseAmount(120005)).toBe('壹拾贰万零伍元整');
		expect(chineseAmount(10.05)).toBe('壹拾元零伍分');
	});
});

interface Case {
	label: string;
	operation: string;
	result: unknown;
	/** Checks that must have run and passed (a corpus that only skips proves nothing). */
	passes: string[];
}

const valid: Case[] = [];
const add = (label: string, operation: string, result: unknown, passes: string[]) => valid.push({ label, operation, result, passes });

// PRC resident ID numbers: 18 characters (some ending in X), 15-digit first generation, 2023 permanent residence.
const REGIONS = ['110105', '120101', '130102', '310104', '320102', '330106', '440305', '500103', '510107', '540102', '650102', '810000', '820000', '830000'];
const sexWord = (digit: string) => (Number(digit) % 2 === 1 ? '男' : '女');
const ID_CHECKS = ['prcId.number', 'prcId.numberRegion', 'prcId.numberBirthDate', 'prcId.numberSex'];
let endingInX = 0;
for (let i = 0; i < 24 || endingInX < 4; i++) {
	const birth = randomDate(1930, 2008);
	const number = prcId(random.pick(REGIONS), birth, random.digits(3));
	if (number.endsWith('X')) endingInX++;
	const form = random.pick(['iso', 'chinese', 'chineseUnpadded', 'compact', 'dotted']);
	const from = randomDate(2018, 2025);
	add(`ID ${number}`, 'id-card', { name: '张三', sex: sexWord(number[16]), birth: DATE_FORMS[form](birth), number, valid_from: from.replace(/-/g, '.'), valid_to: i % 5 === 0 ? '长期' : `${Number(from.slice(0, 4)) + 20}${from.slice(4).replace(/-/g, '.')}` }, ID_CHECKS);
}
for (let i = 0; i < 6; i++) {
	const birth = randomDate(1920, 1999);
	const number = `${random.pick(REGIONS.slice(0, 11))}${birth.slice(2).replace(/-/g, '')}${random.digits(3)}`;
	add(`first-generation ID ${number}`, 'id-card', { name: '李四', sex: sexWord(number[14]), birth, number }, ID_CHECKS);
}
for (const [province, nationality] of [['11', '840'], ['31', '276'], ['44', '392'], ['51', '410'], ['32', '250']]) {
	const birth = randomDate(1950, 2005);
	const number = permanentResidenceId(province, nationality, birth, random.digits(3));
	add(`permanent residence ID ${number}`, 'id-card', { name: 'SMITH JOHN', sex: sexWord(number[16]), birth, number }, ID_CHECKS);
}
for (const operation of ['household-register', 'transportation-qualification-certificate', 'driver-license'] as const) {
	const birth = randomDate(1960, 2000);
	const number = prcId(random.pick(REGIONS), birth, random.digits(3));
	const sex = sexWord(number[16]);
	const result =
		operation === 'household-register'
			? [{ content: { id_card_number: number, birth_date: DATE_FORMS.chinese(birth), sex } }]
			: operation === 'driver-license'
				? { number, birth, sex, issue_date: '2019-05-06', valid_from: '2019-05-06', valid_to: '2029-05-06' }
				: { id_number: number, birth_date: birth, sex };
	const name = operation === 'household-register' ? 'contentIdCardNumber' : operation === 'driver-license' ? 'number' : 'idNumber';
	add(`${operation} ID ${number}`, operation, result, [`prcId.${name}`, `prcId.${name}BirthDate`]);
}

// Bank cards: UnionPay (62…), ICBC 9558 cards, Visa and Mastercard, printed with spaces.
for (let i = 0; i < 16; i++) {
	const [prefix, length] = random.pick([
		['62', 16],
		['62', 19],
		['6222', 19],
		['6228', 19],
		['9558', 19],
		['9558', 19],
		['4', 16],
		['5', 16],
	] as const);
	const card = luhnCard(prefix + random.digits(length - prefix.length - 1));
	const expiry = `${pad2(random.int(1, 12))}/${random.int(27, 35)}`;
	add(`card ${card}`, 'bankcard', { card_number: i % 2 === 0 ? grouped(card) : card, expiry_date: expiry, issue_date: '03/21' }, ['luhn.cardNumber', 'expiry.expiryDate']);
}

// VINs: North American and Chinese ones with check digit and model year; European and Japanese ones without.
const YEAR_CHARS = 'ABCDEFGHJKLMNPRSTVWXY123456789';
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VIN_FIELDS = [
	['vin', 'vin', 'vin.vin'],
	['vehicle-license', 'vin', 'vin.vin'],
	['vehicle-certificate', 'vin', 'vin.vin'],
	['mvs-invoice', 'vehicle_identification_number', 'vin.vehicleIdentificationNumber'],
] as const;
const addVin = (vin: string, ruled: boolean) => {
	const [operation, field, name] = random.pick(VIN_FIELDS);
	add(`VIN ${vin}`, operation, { [field]: vin }, ruled ? [name, `${name}CheckDigit`, `${name}ModelYear`] : [name]);
};
for (let i = 0; i < 12; i++) {
	const wmi = random.pick(['1HG', '1FT', '1G1', '2T1', '2HG', '3VW', '3FA', '4T1', '5YJ', '5UX', 'LSV', 'LFV', 'LVS', 'LGB', 'LHG']);
	addVin(vinWithCheckDigit(`${wmi}${random.chars(VIN_CHARS, 5)}?${random.pick([...YEAR_CHARS])}${random.chars(VIN_CHARS, 1)}${random.digits(6)}`), true);
}
for (let i = 0; i < 12; i++) {
	const wmi = random.pick(['WVW', 'WBA', 'WDD', 'WAU', 'VF1', 'VF3', 'ZFA', 'SAL', 'YV1', 'TMB', 'JTD', 'JHM', 'JN1', 'JMZ', 'KMH']);
	// Position 9 and 10 are the manufacturer's: ZZZ fillers, a 0 or Z "year", a plant code.
	addVin(`${wmi}ZZZ${random.chars(VIN_CHARS, 2)}${random.pick(['Z', '0', '1', 'A'])}${random.pick(['0', 'Z', 'U', '0', 'A', '9'])}${random.chars(VIN_CHARS, 1)}${random.digits(6)}`, false);
}

// Unified Social Credit Codes, on business licences, VAT invoices and train tickets.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const newUscc = () => uscc(`${random.pick(['91', '92', '93', '12', '52', '11'])}${random.pick(REGIONS.slice(0, 11))}${random.chars(USCC_ALPHABET, 9)}`);
for (let i = 0; i < 8; i++) add(`credit code`, 'business-license', { registration_number: newUscc(), found_date: '2015年06月01日', issue_date: '2020年01月02日' }, ['uscc.registrationNumber']);

// VAT invoices of several lines, each line's tax rounded on its own (the subtotal is the sum of the rounded lines).
for (let i = 0; i < 10; i++) {
	const rate = random.pick([0.13, 0.09, 0.06, 0.03, 0.01]);
	const lines = Array.from({ length: random.int(2, 8) }, (_, line) => {
		const cents = random.int(1, 2_000_000);
		const amount = cents / 100;
		const tax = Math.round(cents * rate) / 100;
		return { name: `商品${line + 1}`, quantity: '1', unit_price: amount.toFixed(2), amount: amount.toFixed(2), tax_rate: `${Math.round(rate * 100)}%`, tax: tax.toFixed(2) };
	});
	const subtotalCents = lines.reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
	const taxCents = lines.reduce((sum, line) => sum + Math.round(Number(line.tax) * 100), 0);
	const total = (subtotalCents + taxCents) / 100;
	add(`VAT invoice of ${lines.length} lines`, 'vat-invoice', {
		code: random.pick(['', random.digits(10), random.digits(12)]) || undefined,
		number: random.pick([random.digits(8), random.digits(20)]),
		issue_date: DATE_FORMS.chinese(randomDate(2020, 2026)),
		buyer_id: random.pick([newUscc(), prcId('110105', '1980-01-01', '123')]),
		seller_id: newUscc(),
		item_list: lines,
		subtotal_amount: `¥${(subtotalCents / 100).toFixed(2)}`,
		subtotal_tax: `¥${(taxCents / 100).toFixed(2)}`,
		total: `¥${total.toFixed(2)}`,
		total_in_words: chineseAmount(total),
	}, ['invoice.lineItems', 'invoice.totalSum', 'amountInWords.totalInWords', 'invoiceNumber.number', 'uscc.sellerId', 'uscc.buyerId']);
}

// Motor vehicle sales invoices, train tickets, flight itineraries, acceptance bills, small receipts.
for (let i = 0; i < 4; i++) {
	const price = random.int(5_000_000, 30_000_000) / 100;
	const tax = Math.round(price * 13) / 100;
	const total = Math.round((price + tax) * 100) / 100;
	add('motor vehicle sales invoice', 'mvs-invoice', {
		code: random.digits(12),
		number: random.digits(8),
		issue_date: randomDate(2021, 2026),
		tax_exclusive_price: price.toFixed(2),
		tax: tax.toFixed(2),
		total: total.toFixed(2),
		total_chinese: chineseAmount(total),
		vehicle_identification_number: vinWithCheckDigit(`LFV2A21K?${random.pick([...YEAR_CHARS])}3${random.digits(6)}`),
	}, ['invoice.totalSum', 'amountInWords.totalChinese', 'vin.vehicleIdentificationNumberCheckDigit']);
}
for (let i = 0; i < 3; i++) {
	const fare = random.int(1_000, 200_000) / 100;
	add('train ticket', 'train-ticket', {
		issue_date: randomDate(2024, 2026),
		amount_in_figures: `￥${fare.toFixed(2)}`,
		amount_in_words: `${chineseAmount(fare)}`,
		unified_social_credit_code: newUscc(),
	}, ['amountInWords.amountInWords', 'uscc.unifiedSocialCreditCode']);
}
for (let i = 0; i < 3; i++) {
	const fare = random.int(300, 8000);
	const fund = 50;
	const fuel = random.pick([0, 20, 60, 120]);
	add('flight itinerary', 'flight-itinerary', {
		issue_date: randomDate(2024, 2026),
		fare: `CNY${fare}.00`,
		caac_development_fund: `CN${fund}.00`,
		fuel_surcharge: fuel === 0 ? '' : `YQ${fuel}.00`,
		total: `CNY${(fare + fund + fuel).toFixed(2)}`,
	}, ['invoice.totalSum']);
}
for (let i = 0; i < 2; i++) {
	const amount = random.int(1_000_000, 500_000_000) / 100;
	add('acceptance bill', 'acceptance-bill', {
		issue_date: '2026-06-01',
		due_date: '2026-12-01',
		amount_in_figures: `¥${amount.toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
		amount_in_words: `人民币${chineseAmount(amount)}`,
	}, ['amountInWords.amountInWords', 'dates.order']);
}
for (const operation of ['taxi-invoice', 'quota-invoice', 'toll-invoice'] as const) {
	add(operation, operation, { code: random.digits(12), number: random.digits(8) }, ['invoiceCode.code', 'invoiceNumber.number']);
}

// Dates in every documented form, on a passport (year-first and month-name fields).
for (const [form, write] of Object.entries(DATE_FORMS)) {
	const birth = randomDate(1950, 2000);
	const issue = randomDate(2018, 2024);
	const expiry = `${Number(issue.slice(0, 4)) + 10}${issue.slice(4)}`;
	add(`passport dates (${form})`, 'passport', {
		country_code: random.pick(['CHN', 'USA', 'D', 'GBR', 'FRA', 'JPN']),
		nationality: random.pick(['CHN', 'USA', 'D', 'GBR', 'FRA', 'JPN']),
		date_of_birth: write(birth),
		date_of_issue: write(issue),
		date_of_expiry: write(expiry === `${Number(issue.slice(0, 4)) + 10}-02-29` ? expiry.replace('29', '28') : expiry),
	}, ['date.dateOfBirth', 'date.dateOfIssue', 'date.dateOfExpiry', 'expiry.dateOfExpiry', 'dates.order', 'countryCode.countryCode', 'countryCode.nationality']);
}

// ID cards with an MRZ (TD1) and day-first printed dates.
for (const [operation, state, numberField] of [
	['cambodian-idcard', 'KHM', 'id_number'],
	['cambodian-idcard', 'KHM', 'id_number'],
	['peru-id-card', 'PER', 'cui_number'],
	['peru-id-card', 'PER', 'cui_number'],
	['vietnam-id-card', 'VNM', 'number'],
	['vietnam-id-card', 'VNM', 'number'],
] as const) {
	const birth = randomDate(1950, 2005);
	const issue = randomDate(2020, 2025);
	const expiry = `${Number(issue.slice(0, 4)) + 10}${issue.slice(4)}`.replace('-02-29', '-02-28');
	const number = random.digits(9);
	const sex = random.pick(['M', 'F']);
	const yymmdd = (date: string) => date.slice(2).replace(/-/g, '');
	const [line1, line2, line3] = td1({ state, number, birth: yymmdd(birth), sex, expiry: yymmdd(expiry), nationality: state, surname: 'NGUYEN', given: 'VAN AN' });
	add(`${operation} MRZ ${line1}`, operation, {
		[numberField]: number,
		birth_date: dayFirst(birth),
		sex,
		issue_date: dayFirst(issue, '.'),
		expiry_date: dayFirst(expiry),
		machine_code1: line1,
		machine_code2: line2,
		machine_code3: line3,
	}, ['mrz.format', 'mrz.documentNumber', 'mrz.birthDate', 'mrz.expiryDate', 'mrz.composite', 'mrz.issuingState', 'mrz.nationality', 'mrz.matchesPrinted', 'dates.order']);
}

// Chilean RUNs and Thai ID numbers.
for (let i = 0; i < 5; i++) {
	const body = String(random.int(5_000_000, 25_000_000));
	const formatted = `${body.slice(0, -6)}.${body.slice(-6, -3)}.${body.slice(-3)}-${chileRun(body)}`;
	add(`RUN ${formatted}`, 'chile-id-card', { number: i % 2 === 0 ? formatted : `${body}${chileRun(body)}` }, ['chileRun.number']);
}
for (let i = 0; i < 5; i++) {
	const id = thaiId(`${random.int(1, 8)}${random.digits(11)}`);
	add(`Thai ID ${id}`, 'thailand-id-card', { id_number: i % 2 === 0 ? `${id[0]} ${id.slice(1, 5)} ${id.slice(5, 10)} ${id.slice(10, 12)} ${id[12]}` : id }, ['thaiId.idNumber']);
}

// Huawei's signals when nothing is wrong: alarms off, confidence high.
add('ID card, no alarm raised', 'id-card', { number: '11010519491231002X', detect_copy_result: false, detect_reproduce_result: false, detect_tampering_result: false, detect_blur_result: false, detect_glare_result: false }, ['huawei.copy', 'huawei.reproduce', 'huawei.tampering', 'huawei.blur', 'huawei.glare']);
add('licence plates read with confidence', 'license-plate', [{ plate_number: '京A12345', plate_color: 'blue', plate_location: [[0, 0], [1, 0], [1, 1], [0, 1]], confidence: 0.97 }], ['confidence']);

describe('a corpus of valid values raises no alarm', () => {
	it('holds at least 100 values and touches every check family of rules.ts', () => {
		expect(valid.length).toBeGreaterThanOrEqual(100);
		const families = (names: string[]) => new Set(names.map((name) => name.split('.')[0]));
		const everyFamily = families(Object.keys(OPERATION_RULES).flatMap((operation) => checksFor(operation).map((entry) => entry.check)));
		const covered = families(valid.flatMap((entry) => entry.passes));
		const notInCorpus = [...everyFamily].filter((family) => !covered.has(family));
		expect(notInCorpus).toEqual([]);
		expect(everyFamily.size).toBeGreaterThanOrEqual(15);
	});

	it.each(valid.map((entry) => [entry.label, entry] as const))('%s', (_label, entry) => {
		const outcome = check(entry.operation, entry.result);
		expect(outcome.failed).toEqual([]);
		expect(outcome.passed).toEqual(expect.arrayContaining(entry.passes));
	});
});

interface WrongCase {
	label: string;
	operation: string;
	result: unknown;
	/** The check that must catch it. */
	fails: string;
}

const first = (operation: string) => valid.find((entry) => entry.operation === operation)!.result as Record<string, unknown>;
const swapLastDigit = (text: string) => text.replace(/(\d)(\D*)$/, (_all, digit: string, rest: string) => `${(Number(digit) + 1) % 10}${rest}`);
const idCard = first('id-card');
const mrzCard = first('cambodian-idcard');
const vatInvoice = first('vat-invoice');

const wrong: WrongCase[] = [
	{ label: 'ID number with a wrong check character', operation: 'id-card', result: { ...idCard, number: `${String(idCard.number).slice(0, 17)}${String(idCard.number)[17] === '1' ? '2' : '1'}` }, fails: 'prcId.number' },
	{ label: 'ID number of 16 digits', operation: 'id-card', result: { number: '1101051949123100' }, fails: 'prcId.number' },
	{ label: 'ID number with no province', operation: 'id-card', result: { number: prcId('000105', '1980-01-01', '123') }, fails: 'prcId.numberRegion' },
	{ label: 'ID number born on 30 February', operation: 'id-card', result: { number: prcId('110105', '1980-02-30', '123') }, fails: 'prcId.numberBirthDate' },
	{ label: 'ID number whose birth date differs from the printed one', operation: 'id-card', result: { ...idCard, birth: '1901-01-01' }, fails: 'prcId.numberBirthDate' },
	{ label: 'ID number whose sex differs from the printed one', operation: 'id-card', result: { ...idCard, sex: idCard.sex === '男' ? '女' : '男' }, fails: 'prcId.numberSex' },
	{ label: 'first-generation ID born on 31 April', operation: 'id-card', result: { number: '110105490431002' }, fails: 'prcId.numberBirthDate' },
	{ label: 'permanent residence ID issued in no province', operation: 'id-card', result: { number: permanentResidenceId('00', '840', '1985-07-14', '003') }, fails: 'prcId.numberRegion' },
	{ label: 'permanent residence ID with a wrong check character', operation: 'id-card', result: { number: swapLastDigit(permanentResidenceId('11', '840', '1985-07-14', '004')).replace(/X$/, '0') }, fails: 'prcId.number' },
	{ label: 'expired ID card', operation: 'id-card', result: { valid_from: '2006.04.10', valid_to: '2026.04.10' }, fails: 'expiry.validTo' },
	{ label: 'card number failing Luhn', operation: 'bankcard', result: { card_number: grouped(swapLastDigit(luhnCard('955880' + '1234567890123'))) }, fails: 'luhn.cardNumber' },
	{ label: 'card number of 11 digits', operation: 'bankcard', result: { card_number: '62220212345' }, fails: 'luhn.cardNumber' },
	{ label: 'expired bank card', operation: 'bankcard', result: { expiry_date: '10/26' }, fails: 'expiry.expiryDate' },
	{ label: 'North American VIN with a wrong check digit', operation: 'vin', result: { vin: '1HGCM82613A004352' }, fails: 'vin.vinCheckDigit' },
	{ label: 'Chinese VIN with a wrong check digit', operation: 'vehicle-license', result: { vin: swapLastDigit(vinWithCheckDigit('LSVAU218?N2183294')) }, fails: 'vin.vinCheckDigit' },
	{ label: 'North American VIN with 0 as model year', operation: 'vin', result: { vin: vinWithCheckDigit('1HGCM826?0A004352') }, fails: 'vin.vinModelYear' },
	{ label: 'Chinese VIN with U as model year', operation: 'vehicle-certificate', result: { vin: vinWithCheckDigit('LFV2A21K?U3123456') }, fails: 'vin.vinModelYear' },
	{ label: 'European VIN with an O', operation: 'vin', result: { vin: 'WVWZZZ1JZOW386752' }, fails: 'vin.vin' },
	{ label: 'VIN of 16 characters', operation: 'mvs-invoice', result: { vehicle_identification_number: 'WVWZZZ1JZ0W38675' }, fails: 'vin.vehicleIdentificationNumber' },
	{ label: 'credit code with a wrong check character', operation: 'business-license', result: { registration_number: '91440300708461136U' }, fails: 'uscc.registrationNumber' },
	{ label: 'seller credit code with an O', operation: 'vat-invoice', result: { seller_id: '91440300O08461136T' }, fails: 'uscc.sellerId' },
	{ label: 'VAT invoice whose lines do not add up', operation: 'vat-invoice', result: { ...vatInvoice, item_list: [...(vatInvoice.item_list as object[]), { name: '漏记', amount: '1.00', tax: '0.13' }] }, fails: 'invoice.lineItems' },
	{ label: 'VAT invoice whose total is 1.00 off', operation: 'vat-invoice', result: { ...vatInvoice, total: `¥${(Number(String(vatInvoice.total).slice(1)) + 1).toFixed(2)}` }, fails: 'invoice.totalSum' },
	{ label: 'VAT invoice whose amount in words differs', operation: 'vat-invoice', result: { total: '¥169.50', total_in_words: '壹佰陆拾玖圆' }, fails: 'amountInWords.totalInWords' },
	{ label: 'amount in words that is none', operation: 'train-ticket', result: { amount_in_figures: '￥56.00', amount_in_words: 'fifty-six' }, fails: 'amountInWords.amountInWords' },
	{ label: 'invoice code of 9 digits', operation: 'taxi-invoice', result: { code: '123456789' }, fails: 'invoiceCode.code' },
	{ label: 'invoice number of 7 digits', operation: 'toll-invoice', result: { number: '1234567' }, fails: 'invoiceNumber.number' },
	{ label: 'flight total that is not the sum of its parts', operation: 'flight-itinerary', result: { fare: 'CNY1000.00', caac_development_fund: 'CN50.00', total: 'CNY1100.00' }, fails: 'invoice.totalSum' },
	{ label: 'motor vehicle invoice total that is not price + tax', operation: 'mvs-invoice', result: { tax_exclusive_price: '100000.00', tax: '13000.00', total: '114000.00' }, fails: 'invoice.totalSum' },
	{ label: '30 February', operation: 'passport', result: { date_of_issue: '2021-02-30' }, fails: 'date.dateOfIssue' },
	{ label: '31 June in Chinese', operation: 'business-license', result: { found_date: '2015年06月31日' }, fails: 'date.foundDate' },
	{ label: 'expired passport', operation: 'passport', result: { date_of_expiry: '14 MAR 2021' }, fails: 'expiry.dateOfExpiry' },
	{ label: 'issued before birth', operation: 'passport', result: { date_of_birth: '1990-03-14', date_of_issue: '1989-01-01' }, fails: 'dates.order' },
	{ label: 'born in the future', operation: 'passport', result: { date_of_birth: '2030-01-01' }, fails: 'dates.order' },
	{ label: 'country code that is none', operation: 'passport', result: { country_code: 'ZZZ' }, fails: 'countryCode.countryCode' },
	{ label: "ICAO's specimen state", operation: 'passport', result: { nationality: 'UTO' }, fails: 'countryCode.nationality' },
	{ label: 'MRZ document number with a changed digit', operation: 'cambodian-idcard', result: { ...mrzCard, machine_code1: String(mrzCard.machine_code1).replace(/^(IDKHM\d)(\d)/, (_all, head: string, digit: string) => `${head}${(Number(digit) + 1) % 10}`) }, fails: 'mrz.documentNumber' },
	{ label: 'MRZ with a changed composite digit', operation: 'cambodian-idcard', result: { ...mrzCard, machine_code2: swapLastDigit(String(mrzCard.machine_code2)) }, fails: 'mrz.composite' },
	{ label: 'MRZ printed birth date that differs', operation: 'cambodian-idcard', result: { ...mrzCard, birth_date: '01/01/1901' }, fails: 'mrz.matchesPrinted' },
	{ label: 'MRZ lines cut short', operation: 'peru-id-card', result: { machine_code1: 'I<PER45678912<4', machine_code2: '9005215F2812313PER<<<<<<<<<<<8', machine_code3: 'QUISPE' }, fails: 'mrz.format' },
	{ label: 'RUN with a wrong check character', operation: 'chile-id-card', result: { number: '12.345.678-4' }, fails: 'chileRun.number' },
	{ label: 'Thai ID number with a wrong check digit', operation: 'thailand-id-card', result: { id_number: swapLastDigit(thaiId('110170020745')) }, fails: 'thaiId.idNumber' },
	{ label: "Huawei's copy alarm", operation: 'id-card', result: { detect_copy_result: true }, fails: 'huawei.copy' },
	{ label: 'low confidence', operation: 'license-plate', result: [{ plate_number: '京A12345', plate_color: 'blue', plate_location: [[0, 0], [1, 0], [1, 1], [0, 1]], confidence: 0.42 }], fails: 'confidence' },
];

describe('a corpus of clearly wrong values is caught', () => {
	it('touches every check family of rules.ts', () => {
		const everyFamily = new Set(Object.keys(OPERATION_RULES).flatMap((operation) => checksFor(operation).map((entry) => entry.check.split('.')[0])));
		const caught = new Set(wrong.map((entry) => entry.fails.split('.')[0]));
		expect([...everyFamily].filter((family) => !caught.has(family))).toEqual([]);
	});

	it.each(wrong.map((entry) => [entry.label, entry] as const))('%s', (_label, entry) => {
		const outcome = check(entry.operation, entry.result);
		expect(reasonsOf(outcome, entry.fails).length).toBeGreaterThan(0);
	});
});
