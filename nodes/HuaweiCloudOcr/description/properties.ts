import type { INodeProperties } from 'n8n-workflow';

import {
	operationProperties,
	recognitionOptionsProperties,
	topLevelFieldProperties,
} from '../catalog/properties';
import { duplicateOptionFields } from '../duplicates';
import { executionOptionFields } from '../execution';
import { inputOptionFields, inputProperties } from '../input';
import { outputOptionFields, outputProperties } from '../output';
import { pageOptionFields, pageProperties, pagesAsProperty } from '../pages';
import { reviewOptionFields, reviewOutputProperties } from '../review';
import { requestOptionFields } from './requestOptions';

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** The shared Options collection: what each part of the node contributes, alphabetically. */
function optionsCollection(): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			...inputOptionFields(),
			...outputOptionFields(),
			...pageOptionFields(),
			...reviewOptionFields(),
			...executionOptionFields(),
			...duplicateOptionFields(),
			...requestOptionFields(),
		].sort(byDisplayName),
	};
}

/** The node's parameters, in the order the editor shows them. */
export function nodeProperties(): INodeProperties[] {
	return [
		...operationProperties(),
		...topLevelFieldProperties(),
		...inputProperties(),
		...pageProperties(),
		...recognitionOptionsProperties(),
		...outputProperties(),
		pagesAsProperty(),
		...reviewOutputProperties(),
		optionsCollection(),
	];
}
