import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	operationProperties,
	recognitionOptionsProperties,
	topLevelFieldProperties,
} from '../catalog/properties';
import { executionOptionFields } from '../execution';
import { inputOptionFields, inputProperties } from '../input';
import { outputOptionFields, outputProperties } from '../output';
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
			...executionOptionFields(),
			...requestOptionFields(),
		].sort(byDisplayName),
	};
}

export function nodeDescription(): INodeTypeDescription {
	return {
		displayName: 'Huawei Cloud OCR',
		name: 'huaweiCloudOcr',
		icon: { light: 'file:../HuaweiCloud/huaweicloud.svg', dark: 'file:../HuaweiCloud/huaweicloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read text, tables, ID documents, licences, invoices and receipts with Huawei Cloud OCR',
		defaults: { name: 'Huawei Cloud OCR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'huaweiCloudApi', required: true }],
		properties: [
			...operationProperties(),
			...topLevelFieldProperties(),
			...inputProperties(),
			...recognitionOptionsProperties(),
			...outputProperties(),
			optionsCollection(),
		],
	};
}
