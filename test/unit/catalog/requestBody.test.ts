import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationByValue } from '../../../nodes/HuaweiCloudOcr/catalog';
import {
	operationParameters,
	readRecognitionFields,
} from '../../../nodes/HuaweiCloudOcr/catalog/parameters';
import {
	RecognitionOptionError,
	recognitionFields,
	selectedPage,
} from '../../../nodes/HuaweiCloudOcr/catalog/requestBody';

const fieldsFor = (value: string, params: IDataObject) => recognitionFields(operationByValue(value), params);

function failure(value: string, params: IDataObject): RecognitionOptionError {
	try {
		fieldsFor(value, params);
	} catch (error) {
		expect(error).toBeInstanceOf(RecognitionOptionError);
		return error as RecognitionOptionError;
	}
	throw new Error('expected recognitionFields to reject the options');
}

describe('recognitionFields', () => {
	it('sends nothing when every option is at its service default', () => {
		expect(
			fieldsFor('generalText', {
				detectDirection: false,
				quickMode: false,
				language: 'zh',
				singleOrientationMode: false,
				pdfPageNumber: 1,
			}),
		).toEqual({});
		expect(fieldsFor('smartDocumentRecognizer', { singleOrientationMode: true, kvMap: '{}' })).toEqual({});
		expect(fieldsFor('webImage', { detectTextDirection: true, extractType: [] })).toEqual({});
		expect(fieldsFor('idCard', { side: '' })).toEqual({});
		expect(fieldsFor('driverLicense', { side: 'front' })).toEqual({});
	});

	it('sends changed values under their request field names, with exact JSON types', () => {
		const body = fieldsFor('generalText', {
			detectDirection: true,
			language: 'fr',
			pdfPageNumber: 3,
			returnMarkdownResult: true,
		});
		expect(body).toEqual({
			detect_direction: true,
			language: 'fr',
			pdf_page_number: 3,
			return_markdown_result: true,
		});
		expect(fieldsFor('generalText', { pdfPageNumber: '2' })).toEqual({ pdf_page_number: 2 });
		expect(fieldsFor('generalText', { detectDirection: 'true' })).toEqual({ detect_direction: true });
	});

	it('sends a default-true switch only when it is turned off', () => {
		expect(fieldsFor('webImage', { detectTextDirection: false })).toEqual({ detect_text_direction: false });
		expect(fieldsFor('bankReceipt', { singleOrientationMode: false, pageNum: 2 })).toEqual({
			single_orientation_mode: false,
			page_num: 2,
		});
	});

	it('sends choices and lists as Huawei names them', () => {
		expect(fieldsFor('idCard', { side: 'double_side', detectCopy: true })).toEqual({
			side: 'double_side',
			detect_copy: true,
		});
		expect(fieldsFor('passport', { countryCode: 'CHN' })).toEqual({ country_code: 'CHN' });
		expect(fieldsFor('mvsInvoice', { type: 'used' })).toEqual({ type: 'used' });
		expect(fieldsFor('webImage', { extractType: ['contact_info', 'image_size'] })).toEqual({
			extract_type: ['contact_info', 'image_size'],
		});
		expect(fieldsFor('autoClassification', { typeList: ['vat_invoice', 'id_card'] })).toEqual({
			type_list: ['vat_invoice', 'id_card'],
		});
	});

	it('turns on the option another one needs', () => {
		expect(fieldsFor('generalTable', { returnCharLocation: true })).toEqual({
			return_char_location: true,
			return_text_location: true,
		});
		expect(fieldsFor('smartDocumentRecognizer', { returnExcel: true })).toEqual({
			return_excel: true,
			table: true,
		});
	});

	it('sends JSON options as objects, and the key renames as a JSON string', () => {
		expect(
			fieldsFor('autoClassification', { extendedParameters: '{"vat_invoice": {"advanced_mode": true}}' }),
		).toEqual({ extended_parameters: { vat_invoice: { advanced_mode: true } } });
		expect(fieldsFor('autoClassification', { extendedParameters: { id_card: { side: 'front' } } })).toEqual({
			extended_parameters: { id_card: { side: 'front' } },
		});
		expect(fieldsFor('autoClassification', { extendedParameters: '  ' })).toEqual({});
		const body = fieldsFor('smartDocumentRecognizer', { kv: true, kvMap: '{"Name": "FullName"}' });
		expect(body).toEqual({ kv: true, kv_map: '{"Name":"FullName"}' });
		expect(typeof body.kv_map).toBe('string');
	});

	it('rejects JSON that does not parse or is not an object, saying how to fix it', () => {
		const broken = failure('smartDocumentRecognizer', { kvMap: '{"Name": ' });
		expect(broken.message).toMatch(/^Key Renames \(JSON\) is not valid JSON \(/);
		expect(broken.description).toBe('Enter a JSON object, e.g. {"Name": "FullName"}.');
		expect(broken.option).toBe('kvMap');
		const notObject = failure('autoClassification', { extendedParameters: '[1, 2]' });
		expect(notObject.message).toBe('Per-Type Parameters (JSON) must be a JSON object');
	});

	it('rejects values Huawei would refuse, before any call', () => {
		expect(failure('generalText', { pdfPageNumber: 0 }).message).toBe(
			'PDF Page Number must be a whole number 1 or more, not 0',
		);
		expect(failure('generalText', { pdfPageNumber: 1.5 }).message).toMatch(/whole number/);
		expect(failure('generalText', { detectDirection: 'yes' }).message).toBe(
			'Detect Direction must be true or false, not "yes"',
		);
		const side = failure('idCard', { side: 'sideways' });
		expect(side.message).toBe('Side has an unknown value "sideways"');
		expect(side.description).toContain('Both Sides ("double_side")');
		expect(failure('webImage', { extractType: ['contact_info', 'colors'] }).message).toBe(
			'Extract has an unknown value "colors"',
		);
	});

	it('ignores values of options the operation does not have', () => {
		expect(fieldsFor('passport', { detectDirection: true, side: 'front' })).toEqual({});
	});
});

describe('invoice verification body', () => {
	const valid = {
		invoiceCode: '',
		invoiceNumber: ' 12345678 ',
		issueDate: '2024-05-31',
		checkCode: '',
		subtotalAmount: '88.00',
	};

	it('always sends code, number and date (code may be empty), and only the filled optional fields', () => {
		expect(fieldsFor('invoiceVerification', valid)).toEqual({
			code: '',
			number: '12345678',
			issue_date: '2024-05-31',
			subtotal_amount: '88.00',
		});
	});

	it('refuses an empty required field and a date in another form', () => {
		const empty = failure('invoiceVerification', { ...valid, invoiceNumber: '  ' });
		expect(empty.message).toBe('Invoice Number is empty');
		expect(empty.description).toBe('Enter the invoice number; it is required.');
		const date = failure('invoiceVerification', { ...valid, issueDate: '31/05/2024' });
		expect(date.message).toBe('Issue Date has an unexpected form: "31/05/2024"');
		expect(date.description).toBe('Write it like 2024-05-31.');
	});
});

describe('selectedPage', () => {
	it('returns the chosen PDF page of operations that have a page option', () => {
		expect(selectedPage(operationByValue('vatInvoice'), { pageNum: 4 })).toBe(4);
		expect(selectedPage(operationByValue('generalText'), {})).toBeUndefined();
		expect(selectedPage(operationByValue('passport'), { pdfPageNumber: 2 })).toBeUndefined();
	});
});

describe('operationParameters', () => {
	const node = { name: 'Huawei Cloud OCR', type: 'huaweiCloudOcr', typeVersion: 1 } as INode;
	function fakeContext(parameters: IDataObject): IExecuteFunctions {
		return {
			getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => parameters[name] ?? fallback,
			getNode: () => node,
		} as unknown as IExecuteFunctions;
	}

	it('merges the Recognition Options collection with the top-level fields', () => {
		const context = fakeContext({ invoiceNumber: '1', issueDate: '2024-01-02', invoiceCode: '0440' });
		expect(operationParameters(context, 0, operationByValue('invoiceVerification'))).toEqual({
			invoiceCode: '0440',
			invoiceNumber: '1',
			issueDate: '2024-01-02',
			checkCode: '',
			subtotalAmount: '',
		});
		const tableContext = fakeContext({ recognitionOptions: { returnExcel: true } });
		expect(operationParameters(tableContext, 0, operationByValue('generalTable'))).toEqual({ returnExcel: true });
	});

	it('reads the whole request part of an item and reports bad values as an item error', () => {
		const good = fakeContext({ invoiceNumber: '1', issueDate: '2024-01-02' });
		expect(readRecognitionFields(good, 0, operationByValue('invoiceVerification'))).toEqual({
			code: '',
			number: '1',
			issue_date: '2024-01-02',
		});
		const bad = fakeContext({ recognitionOptions: { kvMap: 'not json' } });
		let thrown: unknown;
		try {
			readRecognitionFields(bad, 4, operationByValue('smartDocumentRecognizer'));
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		const failure = thrown as NodeOperationError;
		expect(failure.message).toMatch(/^Key Renames \(JSON\) is not valid JSON/);
		expect(failure.description).toBe('Enter a JSON object, e.g. {"Name": "FullName"}.');
		expect(failure.context.itemIndex).toBe(4);
	});
});
