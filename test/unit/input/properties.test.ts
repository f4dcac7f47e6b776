import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { inputOptionFields, inputProperties } from '../../../nodes/HuaweiCloudOcr/input';

const properties = inputProperties();
const sources = properties.filter((property) => property.name === 'inputSource');
const values = (property: INodeProperties) => (property.options as INodePropertyOptions[]).map((option) => option.value);

describe('inputProperties', () => {
	it('offers all four sources in the editor, binary by default', () => {
		const editor = sources.find((property) => property.displayOptions?.show?.['@tool']?.[0] === false);
		expect(editor?.default).toBe('binary');
		expect(values(editor!)).toEqual(['base64', 'binary', 'obs', 'url']);
	});

	it('offers URL (default), Base64 and OBS but no binary file to an AI agent', () => {
		const tool = sources.find((property) => property.displayOptions?.show?.['@tool']?.[0] === true);
		expect(tool?.default).toBe('url');
		expect(values(tool!)).toEqual(['base64', 'obs', 'url']);
	});

	it('lists source options sorted by name', () => {
		for (const source of sources) {
			const names = (source.options as INodePropertyOptions[]).map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('hides every input field for operations that take no file', () => {
		const withoutFile = OPERATIONS.filter((op) => op.fileField === 'none').map((op) => op.value);
		expect(withoutFile).toContain('invoiceVerification');
		for (const property of properties) {
			expect(property.displayOptions?.hide?.operation).toEqual(withoutFile);
		}
	});

	it('shows each field only for its source', () => {
		const shownFor = (name: string) =>
			properties.filter((property) => property.name === name).map((property) => property.displayOptions?.show?.inputSource);
		expect(shownFor('binaryPropertyName')).toEqual([['binary']]);
		expect(shownFor('base64Data')).toEqual([['base64']]);
		expect(shownFor('url')).toEqual([['url']]);
		expect(shownFor('obsBucket')).toEqual([['obs']]);
		expect(shownFor('obsObjectKey')).toEqual([['obs']]);
		expect(shownFor('obsRegion')).toEqual([['obs']]);
	});

	it('names the binary field like n8n nodes do, defaulting to data', () => {
		const binary = properties.find((property) => property.name === 'binaryPropertyName');
		expect(binary).toMatchObject({ displayName: 'Input Binary Field', default: 'data', required: true });
	});

	it('explains the OBS authorization, the same-region rule and the alternatives', () => {
		const notice = properties.find((property) => property.name === 'obsNotice');
		expect(notice?.displayName).toContain('OBS authorization in the OCR console');
		expect(notice?.displayName).toContain('same region');
		expect(notice?.displayName).toContain('public-read');
		expect(notice?.displayName).toContain('pre-signed URL');
	});
});

describe('inputOptionFields', () => {
	it('offers downloading URLs in n8n for the URL source, with a size cap', () => {
		const [download, maxSize] = inputOptionFields();
		expect(download).toMatchObject({
			name: 'downloadUrl',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/inputSource': ['url'] } },
		});
		expect(download.description).toMatch(/^Whether .*intranet/);
		expect(maxSize).toMatchObject({
			name: 'maxDownloadSize',
			type: 'number',
			default: 10,
			displayOptions: { show: { '/inputSource': ['url'], downloadUrl: [true] } },
		});
	});
});
