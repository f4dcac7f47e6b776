import type { INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';

import { OPERATIONS, RESOURCES, operationsOf } from './index';
import type { OcrOperation, OperationOption } from './types';

/** Name of the per-operation collection that holds the operation's request options. */
export const RECOGNITION_OPTIONS = 'recognitionOptions';

/** Options shown as their own parameters (invoice verification's fields) rather than in the collection. */
export function isTopLevelOption(option: OperationOption): boolean {
	return option.required === true || option.topLevel === true;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

function shownFor(operation: OcrOperation): INodeProperties['displayOptions'] {
	return { show: { resource: [operation.resource], operation: [operation.value] } };
}

/** One catalog option as an n8n parameter. */
export function optionProperty(option: OperationOption): INodeProperties {
	const property: INodeProperties = {
		displayName: option.displayName,
		name: option.name,
		type: option.type,
		default: option.default as NodeParameterValueType,
		description: option.description,
	};
	if (option.options) {
		property.options = option.options.map((choice) => ({ ...choice }));
	}
	if (option.typeOptions) property.typeOptions = { ...option.typeOptions };
	if (option.placeholder) property.placeholder = option.placeholder;
	if (option.required) property.required = true;
	return property;
}

function resourceProperty(): INodeProperties {
	const defaultResource = RESOURCES[0].value;
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ name, value, description }) => ({ name, value, description })).sort(byName),
		default: defaultResource,
	};
}

function operationProperty(resource: (typeof RESOURCES)[number]): INodeProperties {
	const operations = operationsOf(resource.value);
	const options: INodePropertyOptions[] = operations
		.map(({ name, value, action, description }) => ({ name, value, action, description }))
		.sort(byName);
	const defaultOperation = operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: defaultOperation,
	};
}

/** Resource and one Operation parameter per resource. */
export function operationProperties(): INodeProperties[] {
	return [resourceProperty(), ...RESOURCES.map(operationProperty)];
}

/** Parameters of their own, for operations that take fields instead of (or besides) a file. */
export function topLevelFieldProperties(): INodeProperties[] {
	return OPERATIONS.flatMap((operation) =>
		operation.options
			.filter(isTopLevelOption)
			.map((option) => ({ ...optionProperty(option), displayOptions: shownFor(operation) })),
	);
}

/** One Recognition Options collection per operation that has options, shown only for that operation. */
export function recognitionOptionsProperties(): INodeProperties[] {
	return OPERATIONS.flatMap((operation) => {
		const options = operation.options.filter((option) => !isTopLevelOption(option));
		if (options.length === 0) return [];
		return [
			{
				displayName: 'Recognition Options',
				name: RECOGNITION_OPTIONS,
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: shownFor(operation),
				options: options.map(optionProperty).sort(byDisplayName),
			} satisfies INodeProperties,
		];
	});
}
