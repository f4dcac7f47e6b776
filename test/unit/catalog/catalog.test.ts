import {
	OPERATIONS,
	RESOURCES,
	RETIRED_OPERATIONS,
	operationByValue,
	operationsOf,
} from '../../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation, OperationOption } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import {
	REFERENCE,
	cleanRegions,
	followsPeriodRule,
	isTitleCase,
	referenceFormats,
	referenceOf,
	referencePixels,
} from './reference';

const sorted = <T>(values: T[]) => [...values].sort();
const offered = (id: string) => OPERATIONS.find((operation) => operation.id === id) as OcrOperation;

/** Where our entry deliberately differs from the reference's constraint string, and why. */
const LIMIT_EXCEPTIONS: Record<string, string> = {
	'general-text':
		'intl page: 8192 px and no PDF; CN docs/SDK: 30000 px and PDF. The entry keeps the strict reading, CN regions get the wide one.',
	'web-image': 'README §3 states the 160 million pixel cap for all 30000 px operations.',
	'smart-document-recognizer': 'README §3 states the 160 million pixel cap for all 30000 px operations.',
};

describe('catalog coverage', () => {
	it('offers every reference operation except the retired ones, each exactly once', () => {
		const retired = RETIRED_OPERATIONS.map((operation) => operation.id);
		expect(sorted(retired)).toEqual(
			sorted([
				'hk-id-card',
				'macao-id-card',
				'exit-entry-permit',
				'mainland-travel-permit',
				'id-document',
				'health-code',
				'pcr-test-record',
				'custom-template',
			]),
		);
		const offeredIds = OPERATIONS.map((operation) => operation.id);
		expect(new Set(offeredIds).size).toBe(offeredIds.length);
		expect(offeredIds).toHaveLength(44);
		expect(sorted([...offeredIds, ...retired])).toEqual(sorted(REFERENCE.map((operation) => operation.id)));
	});

	it('gives every operation a unique value derived from its id', () => {
		const values = OPERATIONS.map((operation) => operation.value);
		expect(new Set(values).size).toBe(values.length);
		for (const operation of OPERATIONS) {
			expect(operation.value).toMatch(/^[a-z][A-Za-z0-9]*$/);
			expect(operation.value.toLowerCase()).toBe(operation.id.replace(/-/g, ''));
		}
		expect(operationByValue('cambodianIdCard').id).toBe('cambodian-idcard');
		expect(operationByValue('generalText').id).toBe('general-text');
		expect(() => operationByValue('hkIdCard')).toThrow('Unknown Huawei Cloud OCR operation "hkIdCard"');
	});

	it('puts every operation in one of the six resources, each with a user-facing name', () => {
		expect(RESOURCES.map((resource) => resource.name)).toEqual([
			'Text & Table',
			'Identity Document',
			'Vehicle & Driving',
			'Invoice & Receipt',
			'Business Document',
			'Classification',
		]);
		const counted = RESOURCES.reduce((sum, resource) => sum + operationsOf(resource.value).length, 0);
		expect(counted).toBe(OPERATIONS.length);
		for (const resource of RESOURCES) expect(operationsOf(resource.value).length).toBeGreaterThan(0);
	});
});

describe.each(OPERATIONS.map((operation) => [operation.id, operation] as const))('%s', (id, operation) => {
	const reference = referenceOf(id);
	const referenceFieldNames = reference.requestFields.map((field) => field.name);

	it('names, action and description read well', () => {
		expect(isTitleCase(operation.name)).toBe(true);
		expect(operation.action).toMatch(/^[A-Z][a-z]+ /);
		expect(operation.action).not.toMatch(/\.$/);
		expect(operation.description).toMatch(/^[A-Z]/);
		expect(followsPeriodRule(operation.description)).toBe(true);
		for (const region of [...operation.regions.cn, ...operation.regions.intl]) {
			expect(operation.description).toContain(region);
		}
	});

	it('sends the file in the field the reference names', () => {
		const expected = referenceFieldNames.includes('data')
			? 'data'
			: referenceFieldNames.includes('image')
				? 'image'
				: 'none';
		expect(operation.fileField).toBe(expected);
	});

	it('maps every reference request field to an option or the file field, and invents none', () => {
		const optionFields = operation.options.map((option) => option.field);
		const unmapped = referenceFieldNames.filter(
			(field) => field !== operation.fileField && !optionFields.includes(field),
		);
		expect(unmapped).toEqual([]);
		expect(optionFields.filter((field) => !referenceFieldNames.includes(field))).toEqual([]);
		expect(new Set(optionFields).size).toBe(optionFields.length);
	});

	it('types every option like its request field, with the service default', () => {
		for (const option of operation.options) {
			const field = reference.requestFields.find((candidate) => candidate.name === option.field);
			expect(field).toBeDefined();
			const expectedType: Record<string, OperationOption['type'][]> = {
				boolean: ['boolean'],
				integer: ['number'],
				'string[]': ['multiOptions'],
				object: ['json'],
				string: ['string', 'options', 'json'],
			};
			expect(expectedType[field!.type]).toContain(option.type);
			if (option.type === 'boolean') {
				const documentedTrue = /default (is )?true/i.test(field!.description ?? '');
				expect([option.field, option.default]).toEqual([option.field, documentedTrue]);
			}
			const enumValues = /enum: ([a-z_|]+)/.exec(field!.constraints ?? '')?.[1]?.split('|');
			if (enumValues && option.type !== 'json') {
				const ours = (option.options ?? []).map((choice) => choice.value).filter(Boolean);
				expect(sorted(ours.filter((value) => value !== 'auto' || enumValues.includes('auto')))).toEqual(
					sorted(enumValues),
				);
			}
			if (option.pageSelector) expect(['pdf_page_number', 'page_num']).toContain(option.field);
		}
		const pageFields = operation.options.filter((option) => /page_num/.test(option.field));
		expect(pageFields.every((option) => option.pageSelector === true)).toBe(true);
	});

	it('has option names unique, Title Case labels and helpful descriptions', () => {
		const names = operation.options.map((option) => option.name);
		expect(new Set(names).size).toBe(names.length);
		for (const option of operation.options) {
			expect(option.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
			expect(isTitleCase(option.displayName)).toBe(true);
			expect([option.name, followsPeriodRule(option.description)]).toEqual([option.name, true]);
			if (option.type === 'boolean') expect(option.description).toMatch(/^Whether /);
			if (option.placeholder) expect(option.placeholder).toMatch(/^e\.g\. /);
			if (option.options) {
				const choiceNames = option.options.map((choice) => choice.name);
				expect(choiceNames).toEqual([...choiceNames].sort((a, b) => a.localeCompare(b)));
				if (!Array.isArray(option.default)) {
					expect(option.options.map((choice) => choice.value)).toContain(option.default);
				}
			}
			if (option.requires) {
				expect(operation.options.map((candidate) => candidate.name)).toContain(option.requires);
			}
		}
	});

	it('accepts the formats and pixel sizes the reference states', () => {
		expect(operation.maxBase64Length).toBe(10_000_000);
		if (!reference.inputConstraints) {
			expect(operation.formats).toEqual([]);
			return;
		}
		const formats = referenceFormats(reference.inputConstraints);
		const pixels = referencePixels(reference.inputConstraints);
		if (id in LIMIT_EXCEPTIONS) return; // checked one by one below
		expect(sorted(operation.formats)).toEqual(formats);
		expect(operation.pixels).toEqual(pixels);
	});

	it('is hosted where the reference says, on the matching sites', () => {
		const cn = cleanRegions(reference.regions.cn);
		const intl = cleanRegions(reference.regions.intl);
		if (id === 'waybill-electronic') {
			expect(operation.regions).toEqual({ cn: ['cn-north-4'], intl: [] });
		} else {
			expect(operation.regions).toEqual({ cn, intl });
		}
		const sites = reference.site === 'both' ? ['cn', 'intl'] : [reference.site];
		expect(operation.sites).toEqual(sites);
		const flaggedUnverified = /not verified|unverified|probably|may also|lists it under/i.test(reference.notes);
		expect(operation.regionsVerified).toBe(!flaggedUnverified);
	});

	it('shapes the result as the reference container says', () => {
		expect(operation.result.isArray).toBe(reference.resultContainer.startsWith('array'));
		if (operation.result.hasTables) expect(operation.result.excelField).toBe('return_excel');
	});
});

describe('deliberate differences from the reference constraint strings', () => {
	it('general text: strict intl limits everywhere, the CN limits in cn-north-4 and cn-east-3', () => {
		const generalText = offered('general-text');
		const constraints = referenceOf('general-text').inputConstraints as string;
		expect(generalText.formats).not.toContain('pdf');
		expect(generalText.pixels).toEqual({ minSide: 15, maxSide: 8192 });
		expect(generalText.regionalLimits).toHaveLength(1);
		const [cnLimits] = generalText.regionalLimits!;
		expect(cnLimits.regions).toEqual(['cn-north-4', 'cn-east-3']);
		expect(sorted(cnLimits.formats)).toEqual(referenceFormats(constraints));
		expect(cnLimits.pixels).toEqual({ minSide: 15, maxSide: 30000, maxTotalPixels: 160_000_000 });
		expect(generalText.notes).toMatch(/8192/);
	});

	it.each(['web-image', 'smart-document-recognizer'])('%s: 30000 px sides and 160 million pixels', (id) => {
		const operation = offered(id);
		const constraints = referenceOf(id).inputConstraints as string;
		expect(sorted(operation.formats)).toEqual(referenceFormats(constraints));
		expect(operation.pixels).toEqual({ ...referencePixels(constraints), maxTotalPixels: 160_000_000 });
	});
});

describe('spot checks of formats and pixel limits', () => {
	it('passport: 15–8192 px, JPEG/PNG/BMP/TIFF', () => {
		expect(offered('passport').pixels).toEqual({ minSide: 15, maxSide: 8192 });
		expect(sorted(offered('passport').formats)).toEqual(['bmp', 'jpeg', 'png', 'tiff']);
	});

	it('VIN: at most 4096 px', () => {
		expect(offered('vin').pixels.maxSide).toBe(4096);
	});

	it('driving license: at least 100 px', () => {
		expect(offered('driver-license').pixels.minSide).toBe(100);
	});

	it('handwriting: at least 8 px', () => {
		expect(offered('handwriting').pixels.minSide).toBe(8);
	});

	it('motor vehicle sales invoice: at most 8000 px', () => {
		expect(offered('mvs-invoice').pixels).toEqual({ minSide: 100, maxSide: 8000 });
	});

	it('VAT invoice: PDF and OFD besides images', () => {
		expect(offered('vat-invoice').formats).toEqual(expect.arrayContaining(['pdf', 'ofd', 'jpeg']));
	});

	it('cambodian ID card: TIF maps to tiff', () => {
		expect(sorted(offered('cambodian-idcard').formats)).toEqual(['bmp', 'jpeg', 'png', 'tiff']);
	});
});

describe('result families', () => {
	it('marks the five array results and the table-bearing operations', () => {
		const arrays = OPERATIONS.filter((operation) => operation.result.isArray).map((operation) => operation.id);
		expect(sorted(arrays)).toEqual(
			sorted([
				'auto-classification',
				'license-plate',
				'thailand-license-plate',
				'smart-document-recognizer',
				'household-register',
			]),
		);
		const withTables = OPERATIONS.filter((operation) => operation.result.hasTables).map((operation) => operation.id);
		expect(sorted(withTables)).toEqual(sorted(['general-table', 'financial-statement', 'smart-document-recognizer']));
		expect(offered('general-text').result.family).toBe('text');
		expect(offered('general-table').result.family).toBe('table');
		expect(offered('smart-document-recognizer').result.family).toBe('smartDocument');
		expect(offered('auto-classification').result.family).toBe('classification');
		expect(offered('invoice-verification').result.family).toBe('verification');
		expect(offered('license-plate').result.family).toBe('list');
		expect(offered('passport').result.family).toBe('fields');
	});
});
