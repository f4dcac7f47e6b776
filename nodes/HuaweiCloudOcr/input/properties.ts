import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { OPERATIONS } from '../catalog';
import { DEFAULT_MAX_DOWNLOAD_MB } from './download';

const SOURCE_OPTIONS: Record<'base64' | 'binary' | 'obs' | 'url', INodePropertyOptions> = {
	base64: {
		name: 'Base64 String',
		value: 'base64',
		description: 'Base64 text of the file, e.g. from a previous node or an AI agent',
	},
	binary: { name: 'Binary File', value: 'binary', description: 'A file passed on by the previous node' },
	obs: {
		name: 'OBS Object',
		value: 'obs',
		description: 'An object in a Huawei Cloud OBS bucket, read by the OCR service itself',
	},
	url: { name: 'URL', value: 'url', description: 'An http or https address of the file' },
};

/** Operations that take fields instead of a file (invoice verification) have no Input Source. */
function operationsWithoutFile(): string[] {
	return OPERATIONS.filter((op) => op.fileField === 'none').map((op) => op.value);
}

function showFor(source: string): INodeProperties['displayOptions'] {
	return { show: { inputSource: [source] }, hide: { operation: operationsWithoutFile() } };
}

const OBS_HELP =
	'The OCR service reads the object itself, so it needs access to it: authorize OCR to access OBS once per region ' +
	'(OBS authorization in the OCR console) and keep the bucket in the same region as the OCR call. ' +
	"Alternatively make the object public-read, or use a pre-signed URL with Input Source 'URL'.";

/** Top-level parameters: Input Source and the fields of each source. */
export function inputProperties(): INodeProperties[] {
	const hideWithoutFile = operationsWithoutFile();
	return [
		{
			displayName: 'Input Source',
			name: 'inputSource',
			type: 'options',
			noDataExpression: true,
			options: [SOURCE_OPTIONS.base64, SOURCE_OPTIONS.binary, SOURCE_OPTIONS.obs, SOURCE_OPTIONS.url],
			default: 'binary',
			description: 'Where the image or document to recognize comes from',
			displayOptions: { show: { '@tool': [false] }, hide: { operation: hideWithoutFile } },
		},
		{
			// An AI agent has no binary input items, so the tool offers the sources an agent can fill in.
			displayName: 'Input Source',
			name: 'inputSource',
			type: 'options',
			noDataExpression: true,
			options: [SOURCE_OPTIONS.base64, SOURCE_OPTIONS.obs, SOURCE_OPTIONS.url],
			default: 'url',
			description: 'Where the image or document to recognize comes from',
			displayOptions: { show: { '@tool': [true] }, hide: { operation: hideWithoutFile } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to be recognized',
			description: 'The binary field of the input item that holds the image or document, as named by the previous node (often "data")',
			displayOptions: showFor('binary'),
		},
		{
			displayName: 'Base64 String',
			name: 'base64Data',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. {{ $json.image }}',
			description:
				'Base64 text of the file. A "data:...;base64," prefix, line breaks and URL-safe Base64 are accepted.',
			displayOptions: showFor('base64'),
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/scans/invoice.jpg',
			description:
				'The http or https address of the file. Huawei Cloud downloads it, so it must be reachable from the internet; for intranet addresses turn on "Download and Send as Base64" in the options.',
			displayOptions: showFor('url'),
		},
		{
			displayName: OBS_HELP,
			name: 'obsNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor('obs'),
		},
		{
			displayName: 'OBS Bucket',
			name: 'obsBucket',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. my-ocr-bucket',
			description: 'Name of the OBS bucket. A full path such as obs://my-ocr-bucket/scans/a.jpg is also accepted.',
			displayOptions: showFor('obs'),
		},
		{
			displayName: 'OBS Object Key',
			name: 'obsObjectKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. invoices/2024/0001.jpg',
			description: 'Full name of the object inside the bucket, including any folders',
			displayOptions: showFor('obs'),
		},
		{
			displayName: 'OBS Region',
			name: 'obsRegion',
			type: 'string',
			default: '',
			placeholder: 'e.g. cn-north-4',
			description:
				'Region of the bucket. Leave empty to use the region the OCR call goes to; with OBS authorization the bucket must be in that region.',
			displayOptions: showFor('obs'),
		},
	];
}

/** Fields that go inside the node's shared Options collection. */
export function inputOptionFields(): INodeProperties[] {
	return [
		{
			displayName: 'Download and Send as Base64',
			name: 'downloadUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether n8n downloads the file itself and sends its content as Base64, instead of letting Huawei Cloud download the URL. Turn on for addresses Huawei Cloud cannot reach (intranet, localhost, behind a login cookie or VPN); the file is then checked before the call.',
			displayOptions: { show: { '/inputSource': ['url'] } },
		},
		{
			displayName: 'Max Download Size (MB)',
			name: 'maxDownloadSize',
			type: 'number',
			default: DEFAULT_MAX_DOWNLOAD_MB,
			typeOptions: { minValue: 1, numberPrecision: 1 },
			description: 'Largest file n8n downloads when "Download and Send as Base64" is on',
			displayOptions: { show: { '/inputSource': ['url'], downloadUrl: [true] } },
		},
	];
}
