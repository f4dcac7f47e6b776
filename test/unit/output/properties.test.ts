import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { outputOptionFields, outputProperties } from '../../../nodes/HuaweiCloudOcr/output/properties';
import { AUTO_CLASSIFICATION, GENERAL_TABLE, GENERAL_TEXT, LICENSE_PLATE, PASSPORT, SMART_DOCUMENT, operation } from './helpers';

const OPERATIONS = [
	GENERAL_TEXT,
	GENERAL_TABLE,
	SMART_DOCUMENT,
	PASSPORT,
	LICENSE_PLATE,
	AUTO_CLASSIFICATION,
	operation('auto-id-doc-classification', 'Auto ID Document Classification', 'classification'),
];

function byName(properties: INodeProperties[], name: string): INodeProperties[] {
	return properties.filter((property) => property.name === name);
}

describe('outputProperties', () => {
	const properties = outputProperties(OPERATIONS);

	it('has a Simplify switch on by default', () => {
		expect(byName(properties, 'simplify')).toEqual([
			expect.objectContaining({
				displayName: 'Simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return a simplified version of the response instead of the raw data',
			}),
		]);
	});

	it('offers split modes only for table, list and multi-document classification operations', () => {
		const modes = byName(properties, 'tableOutput');
		expect(modes.map((mode) => mode.displayOptions?.show?.operation)).toEqual([
			['generalTable', 'smartDocumentRecognizer'],
			['licensePlate'],
			['autoClassification'],
		]);
		expect(modes.map((mode) => (mode.options as INodePropertyOptions[]).map((option) => option.value))).toEqual([
			['document', 'rows'],
			['document', 'entries'],
			['document', 'documents'],
		]);
		for (const mode of modes) {
			expect(mode.default).toBe('document');
			expect(mode.displayOptions?.show?.simplify).toEqual([true]);
			const names = (mode.options as INodePropertyOptions[]).map((option) => option.name);
			expect(names).toEqual([...names].sort());
		}
		expect((modes[0].options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
			'One Item per Document',
			'One Item per Table Row',
		]);
	});
});

describe('outputOptionFields', () => {
	const fields = outputOptionFields(OPERATIONS);

	it('shows the Excel options only for operations with tables', () => {
		for (const name of ['attachExcel', 'excelBinaryField']) {
			expect(byName(fields, name)[0].displayOptions?.show?.['/operation']).toEqual([
				'generalTable',
				'smartDocumentRecognizer',
			]);
		}
	});

	it('uses the documented defaults and n8n wording rules', () => {
		const defaults = Object.fromEntries(fields.map((field) => [field.name, field.default]));
		expect(defaults).toEqual({
			attachText: false,
			textBinaryField: 'text',
			attachExcel: false,
			excelBinaryField: 'excel',
			fileName: '',
			includeConfidence: false,
			includeImages: false,
			includeTableConfidence: false,
			includeLocations: false,
			includeRowMetadata: false,
			neutralizeFormulas: true,
		});
		for (const field of fields) {
			if (field.type === 'boolean') expect(field.description).toMatch(/^Whether /);
			if (field.placeholder) expect(field.placeholder).toMatch(/^e\.g\. /);
		}
	});

	it('shows Include Confidence and Include Images only for field-like results while simplifying', () => {
		const confidence = byName(fields, 'includeConfidence')[0];
		expect(confidence.displayOptions?.show?.['/simplify']).toEqual([true]);
		expect(confidence.displayOptions?.show?.['/operation']).toEqual([
			'passport',
			'licensePlate',
			'autoClassification',
			'autoIdDocClassification',
		]);
	});

	it('offers Include Confidence for table operations as its own entry', () => {
		const confidence = byName(fields, 'includeTableConfidence')[0];
		expect(confidence.displayName).toBe('Include Confidence');
		expect(confidence.displayOptions?.show?.['/simplify']).toEqual([true]);
		expect(confidence.displayOptions?.show?.['/operation']).toEqual(expect.arrayContaining(['generalTable', 'smartDocumentRecognizer']));
	});
});
