import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { OPERATIONS, RESOURCES, operationByValue } from '../../../nodes/HuaweiCloudOcr/catalog';
import {
	operationProperties,
	recognitionOptionsProperties,
	topLevelFieldProperties,
} from '../../../nodes/HuaweiCloudOcr/catalog/properties';
import { followsPeriodRule, isTitleCase } from './reference';

const properties = [...operationProperties(), ...topLevelFieldProperties(), ...recognitionOptionsProperties()];
const named = (name: string) => properties.filter((property) => property.name === name);
const shownFor = (property: INodeProperties) => property.displayOptions?.show ?? {};
const isSorted = (names: string[]) =>
	names.every((name, index) => index === 0 || names[index - 1].localeCompare(name) <= 0);

/** Every parameter, including the ones inside collections. */
function allParameters(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((property) =>
		property.type === 'collection'
			? [property, ...allParameters(property.options as INodeProperties[])]
			: [property],
	);
}

describe('resource and operation parameters', () => {
	it('offers the six resources, sorted by name, as a fixed choice', () => {
		const [resource] = named('resource');
		expect(resource.noDataExpression).toBe(true);
		expect(resource.type).toBe('options');
		const names = (resource.options as INodePropertyOptions[]).map((option) => option.name);
		expect(names).toEqual([
			'Business Document',
			'Classification',
			'Identity Document',
			'Invoice & Receipt',
			'Text & Table',
			'Vehicle & Driving',
		]);
		expect((resource.options as INodePropertyOptions[]).map((option) => option.value)).toContain(resource.default);
	});

	it('has one Operation parameter per resource listing exactly its operations, sorted, each with an action', () => {
		const operationParams = named('operation');
		expect(operationParams).toHaveLength(RESOURCES.length);
		const listed: string[] = [];
		for (const param of operationParams) {
			expect(param.noDataExpression).toBe(true);
			const [resource] = shownFor(param).resource as string[];
			const options = param.options as INodePropertyOptions[];
			expect(isSorted(options.map((option) => option.name))).toBe(true);
			for (const option of options) {
				const operation = operationByValue(option.value as string);
				expect(operation.resource).toBe(resource);
				expect(option.action).toBe(operation.action);
				expect(option.description).toBe(operation.description);
				listed.push(operation.id);
			}
			expect(options.map((option) => option.value)).toContain(param.default);
		}
		expect(listed.sort()).toEqual(OPERATIONS.map((operation) => operation.id).sort());
	});
});

describe('per-operation Recognition Options', () => {
	const collections = named('recognitionOptions');

	it('exists exactly for the operations that have collection options, shown only for that operation', () => {
		const withOptions = OPERATIONS.filter((operation) =>
			operation.options.some((option) => !option.required && !option.topLevel),
		);
		expect(collections).toHaveLength(withOptions.length);
		for (const operation of withOptions) {
			const matching = collections.filter(
				(collection) =>
					(shownFor(collection).operation as string[]).join() === operation.value &&
					(shownFor(collection).resource as string[]).join() === operation.resource,
			);
			expect(matching).toHaveLength(1);
			const names = (matching[0].options as INodeProperties[]).map((option) => option.name).sort();
			expect(names).toEqual(operation.options.map((option) => option.name).sort());
		}
	});

	it('is a collection with an "Add option" button and alphabetically sorted options', () => {
		for (const collection of collections) {
			expect(collection.type).toBe('collection');
			expect(collection.displayName).toBe('Recognition Options');
			expect(collection.placeholder).toBe('Add option');
			expect(collection.default).toEqual({});
			const displayNames = (collection.options as INodeProperties[]).map((option) => option.displayName);
			expect(isSorted(displayNames)).toBe(true);
		}
	});

	it('renders general text options with the service defaults and readable language names', () => {
		const generalText = collections.find((collection) =>
			(shownFor(collection).operation as string[]).includes('generalText'),
		)!;
		const options = generalText.options as INodeProperties[];
		const language = options.find((option) => option.name === 'language')!;
		expect(language.default).toBe('zh');
		const languages = language.options as INodePropertyOptions[];
		expect(languages.find((choice) => choice.value === 'fr')?.name).toBe('French');
		expect(languages.find((choice) => choice.value === 'auto')?.name).toBe('Auto-Detect');
		const page = options.find((option) => option.name === 'pdfPageNumber')!;
		expect(page).toMatchObject({ type: 'number', default: 1, typeOptions: { minValue: 1 } });
	});

	it('offers the card sides with Auto-Detect meaning "let the service decide"', () => {
		const idCard = collections.find((collection) =>
			(shownFor(collection).operation as string[]).includes('idCard'),
		)!;
		const side = (idCard.options as INodeProperties[]).find((option) => option.name === 'side')!;
		expect(side.default).toBe('');
		expect((side.options as INodePropertyOptions[]).map((choice) => choice.name)).toEqual([
			'Auto-Detect',
			'Back (National Emblem Side)',
			'Both Sides',
			'Front (Portrait Side)',
		]);
	});
});

describe('invoice verification fields', () => {
	it('are top-level parameters, the mandatory ones required, shown only for invoice verification', () => {
		const fields = ['invoiceCode', 'invoiceNumber', 'issueDate', 'checkCode', 'subtotalAmount'].map(
			(name) => named(name),
		);
		for (const [field] of fields) {
			expect(shownFor(field)).toEqual({ resource: ['invoiceAndReceipt'], operation: ['invoiceVerification'] });
			expect(field.type).toBe('string');
			expect(field.placeholder).toMatch(/^e\.g\. /);
		}
		expect(fields.map(([field]) => field.required === true)).toEqual([false, true, true, false, false]);
		const collection = named('recognitionOptions').filter((param) =>
			(shownFor(param).operation as string[]).includes('invoiceVerification'),
		);
		expect(collection).toEqual([]);
	});
});

describe('UI text rules', () => {
	const parameters = allParameters(properties);

	it('uses Title Case labels, "Whether" for booleans and n8n\'s final-period rule', () => {
		for (const parameter of parameters) {
			expect(isTitleCase(parameter.displayName)).toBe(true);
			if (parameter.type === 'boolean') expect(parameter.description).toMatch(/^Whether /);
			if (parameter.description) expect(followsPeriodRule(parameter.description)).toBe(true);
			if (parameter.required !== undefined) expect(parameter.required).toBe(true);
		}
	});

	it('sorts every options list by name', () => {
		for (const parameter of parameters.filter((candidate) => candidate.type === 'options' || candidate.type === 'multiOptions')) {
			const names = (parameter.options as INodePropertyOptions[]).map((option) => option.name);
			expect([parameter.name, isSorted(names)]).toEqual([parameter.name, true]);
		}
	});

	it('uses top-level names that only repeat for the per-resource and per-operation parameters', () => {
		const repeated = new Set(['operation', 'recognitionOptions']);
		const names = properties.map((property) => property.name).filter((name) => !repeated.has(name));
		expect(new Set(names).size).toBe(names.length);
	});
});
