/**
 * Results for the checks: documents that carry their own proof (check digits, sums, dates, Huawei's
 * alarms and confidence), each as a good one and with one defect. Field names and types are those of
 * Huawei's SDK models (emu.answerWith refuses anything else); Huawei's passport result carries no MRZ
 * lines, so none are invented for it. Check digits are computed here, independently of the node.
 */

const MRZ_WEIGHTS = [7, 3, 1];

/** ICAO 9303 check digit: 0–9 as themselves, A–Z as 10–35, '<' as 0, weights 7, 3, 1. */
export function icaoCheckDigit(text: string): string {
	let sum = 0;
	[...text].forEach((char, i) => {
		const value = /\d/.test(char) ? Number(char) : /[A-Z]/.test(char) ? char.charCodeAt(0) - 55 : 0;
		sum += value * MRZ_WEIGHTS[i % 3];
	});
	return String(sum % 10);
}

const pad = (text: string, length: number) => text.padEnd(length, '<').slice(0, length);

export interface Td1Holder {
	documentCode: string;
	state: string;
	number: string;
	/** YYMMDD */
	birth: string;
	sex: 'M' | 'F';
	/** YYMMDD */
	expiry: string;
	nationality: string;
	surname: string;
	givenNames: string;
}

/** The three 30-character lines of an ID card's MRZ (ICAO 9303 TD1), with correct check digits. */
export function td1Lines(holder: Td1Holder): [string, string, string] {
	const number = pad(holder.number, 9);
	const line1 = pad(`${pad(holder.documentCode, 2)}${holder.state}${number}${icaoCheckDigit(number)}`, 30);
	const line2Start = `${holder.birth}${icaoCheckDigit(holder.birth)}${holder.sex}${holder.expiry}${icaoCheckDigit(holder.expiry)}${holder.nationality}`;
	const line2Body = pad(line2Start, 29);
	const composite = icaoCheckDigit(line1.slice(5, 30) + line2Body.slice(0, 7) + line2Body.slice(8, 15) + line2Body.slice(18, 29));
	const line3 = pad(`${holder.surname.replace(/ /g, '<')}<<${holder.givenNames.replace(/ /g, '<')}`, 30);
	return [line1, line2Body + composite, line3];
}

/** The line with the character at `index` replaced by the next digit (a wrong check digit). */
export function withWrongDigit(line: string, index: number): string {
	const wrong = String((Number(line[index]) + 1) % 10);
	return line.slice(0, index) + wrong + line.slice(index + 1);
}

const PERU_HOLDER: Td1Holder = {
	documentCode: 'I',
	state: 'PER',
	number: '45678912',
	birth: '900115',
	sex: 'M',
	expiry: '340620',
	nationality: 'PER',
	surname: 'QUISPE MAMANI',
	givenNames: 'JUAN CARLOS',
};

function peruIdCard(lines: [string, string, string]) {
	return {
		cui_number: '45678912',
		first_surname: 'QUISPE',
		second_surname: 'MAMANI',
		given_name: 'JUAN CARLOS',
		sex: 'M',
		birth_date: '15 01 1990',
		issue_date: '20 06 2026',
		expiry_date: '20 06 2034',
		nationality: 'PER',
		machine_code1: lines[0],
		machine_code2: lines[1],
		machine_code3: lines[2],
	};
}

const peruLines = td1Lines(PERU_HOLDER);

export const PERU_ID_CARD = {
	good: peruIdCard(peruLines),
	/** The document number's check digit (line 1, position 15) is off by one. */
	mrzCheckDigitFails: peruIdCard([withWrongDigit(peruLines[0], 14), peruLines[1], peruLines[2]]),
};

const CAMBODIAN_HOLDER: Td1Holder = {
	documentCode: 'ID',
	state: 'KHM',
	number: '010203045',
	birth: '880523',
	sex: 'F',
	expiry: '330523',
	nationality: 'KHM',
	surname: 'SOK',
	givenNames: 'CHANTHA',
};

const cambodianLines = td1Lines(CAMBODIAN_HOLDER);

function cambodianIdCard(lines: [string, string, string]) {
	return {
		id_number: '010203045',
		name_en: 'SOK CHANTHA',
		birth_date: '23.05.1988',
		sex: 'F',
		issue_date: '23.05.2023',
		expiry_date: '23.05.2033',
		machine_code1: lines[0],
		machine_code2: lines[1],
		machine_code3: lines[2],
	};
}

export const CAMBODIAN_ID_CARD = {
	good: cambodianIdCard(cambodianLines),
	/** The birth date's check digit (line 2, position 7) is off by one. */
	mrzCheckDigitFails: cambodianIdCard([cambodianLines[0], withWrongDigit(cambodianLines[1], 6), cambodianLines[2]]),
};

/** ISO 3779's example VIN (check digit X) and the same VIN with a 5 in position 9. */
export const VIN = {
	good: { vin: '1M8GDM9AXKP042788' },
	wrongCheckDigit: { vin: '1M8GDM9A5KP042788' },
};

/** The Luhn test card number, and one with its last digit changed. */
export const BANK_CARD = {
	good: { bank_name: 'Test Bank', card_number: '4111111111111111', expiry_date: '12/30', type: 'Debit Card' },
	failsLuhn: { bank_name: 'Test Bank', card_number: '4111111111111112', expiry_date: '12/30', type: 'Debit Card' },
};

const PRC_ID_FRONT = {
	name: '张三',
	sex: '女',
	birth: '1949-12-31',
	ethnicity: '汉',
	address: '北京市朝阳区测试路1号',
};

/** GB 11643's example ID number (check character X), and one ending in 1 instead. */
export const PRC_ID_CARD = {
	good: { ...PRC_ID_FRONT, number: '11010519491231002X' },
	wrongCheckCharacter: { ...PRC_ID_FRONT, number: '110105194912310021' },
	/** A good card Huawei finds to be a photocopy (returned only when detect_copy was requested). */
	photocopy: { ...PRC_ID_FRONT, number: '11010519491231002X', detect_copy_result: true },
};

const VAT_INVOICE_BASE = {
	title: '增值税专用发票',
	type: 'special',
	code: '3100211130',
	number: '12345678',
	issue_date: '2026年03月01日',
	buyer_name: '测试买方有限公司',
	seller_name: '测试卖方有限公司',
	item_list: [
		{ name: '办公用品', quantity: '2', unit_price: '50.00', amount: '100.00', tax_rate: '13%', tax: '13.00' },
		{ name: '打印纸', quantity: '1', unit_price: '50.00', amount: '50.00', tax_rate: '13%', tax: '6.50' },
	],
};

export const VAT_INVOICE = {
	good: {
		...VAT_INVOICE_BASE,
		subtotal_amount: '150.00',
		subtotal_tax: '19.50',
		total: '169.50',
		total_in_words: '壹佰陆拾玖圆伍角',
	},
	/** The lines add up to 150.00 but the subtotal says 160.00 (total and words agree with the subtotal). */
	linesDoNotSum: {
		...VAT_INVOICE_BASE,
		subtotal_amount: '160.00',
		subtotal_tax: '19.50',
		total: '179.50',
		total_in_words: '壹佰柒拾玖圆伍角',
	},
};

const PASSPORT_BASE = {
	passport_type: 'P',
	country_code: 'CHN',
	passport_number: 'E12345678',
	nationality: 'CHN',
	surname: 'ZHANG',
	given_name: 'SAN',
	sex: 'M',
	date_of_birth: '1985-07-14',
	place_of_birth: 'BEIJING',
	place_of_issue: 'BEIJING',
	issuing_authority: 'MPS Exit & Entry Administration',
};

const HIGH_CONFIDENCE = { passport_number: 0.998, surname: 0.997, given_name: 0.996, date_of_birth: 0.995, date_of_expiry: 0.994 };

export const PASSPORT = {
	good: { ...PASSPORT_BASE, date_of_issue: '2024-03-02', date_of_expiry: '2034-03-01', confidence: HIGH_CONFIDENCE },
	expired: { ...PASSPORT_BASE, date_of_issue: '2012-03-02', date_of_expiry: '2022-03-01', confidence: HIGH_CONFIDENCE },
	/** Huawei was unsure of the surname (0.42) and the passport number (0.61). */
	lowConfidence: {
		...PASSPORT_BASE,
		date_of_issue: '2024-03-02',
		date_of_expiry: '2034-03-01',
		confidence: { ...HIGH_CONFIDENCE, surname: 0.42, passport_number: 0.61 },
	},
};
