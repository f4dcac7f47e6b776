import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { Readable } from '../../nodejs/stream.cjs';

import { Base64Field } from '../../../nodes/HuaweiCloud/base64Field';
import { operationByValue } from '../../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import { resolveInput } from '../../../nodes/HuaweiCloudOcr/input';
import * as make from '../../fixtures/syntheticFiles';

/** Matches a Base64Field that goes into the request body as exactly `text`. */
function sentAsBase64(text: string) {
	return {
		asymmetricMatch: (actual: unknown) => actual instanceof Base64Field && actual.toString() === text,
		toString: () => `Base64Field(${text.slice(0, 12)}…)`,
	};
}

interface FakeSetup {
	parameters: IDataObject;
	items?: INodeExecutionData[];
	/** Buffers getBinaryDataBuffer returns, by property name. */
	stored?: Record<string, Buffer>;
	httpResponse?: { body: unknown; headers?: IDataObject; statusCode?: number; statusMessage?: string } | Error;
	tool?: boolean;
	binaryMode?: 'separate' | 'combined';
}

/** A hand-made IExecuteFunctions with just what resolveInput may use, recording the helper calls. */
function fakeContext(setup: FakeSetup) {
	const getBinaryDataBuffer = jest.fn(async (_itemIndex: number, property: unknown) => {
		const name = typeof property === 'string' ? property : 'data';
		const stored = setup.stored?.[name];
		if (!stored) throw new Error(`no stored buffer for ${name}`);
		return stored;
	});
	const httpRequest = jest.fn(async (options: IHttpRequestOptions) => {
		expect(options.url).toMatch(/^https?:\/\//);
		if (setup.httpResponse instanceof Error) throw setup.httpResponse;
		return setup.httpResponse;
	});
	const ctx = {
		getNode: () => ({ id: 'n1', name: 'Huawei Cloud OCR', type: 'huaweiCloudOcr', typeVersion: 1, position: [0, 0], parameters: {} }),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name in setup.parameters ? setup.parameters[name] : fallback,
		getInputData: () => setup.items ?? [{ json: {} }],
		isToolExecution: () => setup.tool === true,
		getWorkflowSettings: () => ({ binaryMode: setup.binaryMode }),
		getExecutionCancelSignal: () => undefined,
		helpers: { getBinaryDataBuffer, httpRequest },
	} as unknown as IExecuteFunctions;
	return { ctx, getBinaryDataBuffer, httpRequest };
}

const passport = (): OcrOperation => ({ ...operationByValue('passport'), name: 'Passport', pixels: { minSide: 15, maxSide: 8192 } });
const context = { region: 'cn-north-4' };

async function rejection(promise: Promise<unknown>): Promise<NodeOperationError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	return error as NodeOperationError;
}

describe('resolveInput: binary file', () => {
	it.each([
		['bytes', { bytes: 12_000_000, fileSize: '12 MB' }],
		['fileSize only', { fileSize: '12.4 MB' }],
	])('fails before reading the buffer when the binary metadata (%s) is over what the operation accepts', async (_name, size) => {
		const { ctx, getBinaryDataBuffer } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: 'filesystem-v2', id: 'filesystem-v2:x', mimeType: 'image/jpeg', fileName: 'huge.jpg', ...size } } }],
			stored: { data: make.jpeg(640, 480) },
		});
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toMatch(/^The file is 12(\.\d+)? MB, which is .* as Base64; Passport accepts at most 10 MB of Base64/);
		expect(error.description).toMatch(/Make the file smaller/);
		expect(getBinaryDataBuffer).not.toHaveBeenCalled();
	});

	it.each([
		['an image MIME type', { mimeType: 'image/png', fileName: 'scan' }],
		['an image file name', { mimeType: 'application/octet-stream', fileName: 'scan.TIFF' }],
	])('on an operation that splits PDFs, refuses a binary recorded as an image (%s) on its size, unread', async (_name, recorded) => {
		const { ctx, getBinaryDataBuffer } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: 'filesystem-v2', id: 'filesystem-v2:x', bytes: 12_000_000, ...recorded } } }],
			stored: { data: make.png(20, 20) },
		});
		const error = await rejection(resolveInput(ctx, 0, operationByValue('generalText'), { ...context, splitsPdf: true }));
		expect(error.message).toMatch(/^The file is 12(\.\d+)? MB, which is .* as Base64; General Text accepts at most 10 MB of Base64/);
		expect(getBinaryDataBuffer).not.toHaveBeenCalled();
	});

	it('on an operation that splits PDFs, reads a big binary recorded as a PDF (its pages are checked one by one)', async () => {
		const { ctx, getBinaryDataBuffer } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: 'filesystem-v2', id: 'filesystem-v2:x', bytes: 12_000_000, mimeType: 'application/pdf', fileName: 'a.pdf' } } }],
			stored: { data: make.png(20, 20) },
		});
		await resolveInput(ctx, 0, operationByValue('generalText'), { ...context, splitsPdf: true });
		expect(getBinaryDataBuffer).toHaveBeenCalledTimes(1);
	});

	it('reads the file through getBinaryDataBuffer (never from item.binary.data) and checks it', async () => {
		const image = make.jpeg(640, 480);
		const { ctx, getBinaryDataBuffer } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: 'scan' },
			// `data` holds a marker an implementation reading it directly would send instead of the file.
			items: [{ json: {}, binary: { scan: { data: 'filesystem-v2', id: 'filesystem-v2:x', mimeType: 'image/jpeg', fileName: 'p.jpg' } } }],
			stored: { scan: image },
		});
		const resolved = await resolveInput(ctx, 0, passport(), context);
		expect(getBinaryDataBuffer).toHaveBeenCalledWith(0, 'scan');
		expect(resolved).toEqual({
			kind: 'file',
			source: 'binary',
			bytes: expect.any(Buffer),
			base64: sentAsBase64(image.toString('base64')),
			byteLength: image.length,
			format: 'jpeg',
			width: 640,
			height: 480,
			fileName: 'p.jpg',
			mimeType: 'image/jpeg',
		});
	});

	it('lists the binary fields the item does have when the named one is missing', async () => {
		const { ctx, getBinaryDataBuffer } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: 'data' },
			items: [
				{ json: {} },
				{
					json: {},
					binary: {
						attachment_0: { data: '', mimeType: 'image/png' },
						attachment_1: { data: '', mimeType: 'application/pdf' },
					},
				},
			],
		});
		const error = await rejection(resolveInput(ctx, 1, passport(), context));
		expect(error.message).toBe(
			"The item has no binary field 'data'; its binary fields are 'attachment_0' and 'attachment_1' [item 1]",
		);
		expect(error.description).toBe('Set Input Binary Field to the field that holds the file, e.g. attachment_0.');
		expect(error.context.itemIndex).toBe(1);
		expect(getBinaryDataBuffer).not.toHaveBeenCalled();
	});

	it('says when the item has no binary data at all', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'binary', binaryPropertyName: 'data' } });
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe("The item has no binary field 'data'; it has no binary files at all [item 0]");
		expect(error.description).toContain('Read/Write Files From Disk or HTTP Request');
	});

	it('recognises an expression typed into the field name', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'binary', binaryPropertyName: '{{ $binary.data }}' } });
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe(
			"Input Binary Field holds '{{ $binary.data }}', which looks like an expression, not a binary field name [item 0]",
		);
		expect(error.description).toContain('Type only the name of the binary field, e.g. data');
	});

	it('recognises Base64 content pasted into the field name', async () => {
		const pasted = make.png(20, 20).toString('base64');
		const { ctx } = fakeContext({ parameters: { inputSource: 'binary', binaryPropertyName: pasted } });
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe(
			`Input Binary Field holds ${pasted.length} characters that look like Base64 file content, not a binary field name [item 0]`,
		);
		expect(error.description).toContain("Set Input Source to 'Base64 String'");
	});

	it('accepts an expression that resolved to the binary object itself', async () => {
		const image = make.png(30, 30);
		const binary = { data: '', mimeType: 'image/png', fileName: 'x.png', id: 'filesystem-v2:y' };
		const { ctx, getBinaryDataBuffer } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: binary },
			stored: { data: image },
		});
		const resolved = await resolveInput(ctx, 0, passport(), context);
		expect(getBinaryDataBuffer).toHaveBeenCalledWith(0, binary);
		expect(resolved).toMatchObject({ kind: 'file', format: 'png', fileName: 'x.png' });
	});

	it('finds a binary addressed by path in the JSON (combined binary mode)', async () => {
		const image = make.png(30, 30);
		const { ctx, getBinaryDataBuffer } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: '_files.scan' },
			items: [{ json: { _files: { scan: { id: 'filesystem-v2:z', mimeType: 'image/png' } } } as unknown as IDataObject }],
			stored: { '_files.scan': image },
			binaryMode: 'combined',
		});
		await expect(resolveInput(ctx, 0, passport(), context)).resolves.toMatchObject({ format: 'png' });
		expect(getBinaryDataBuffer).toHaveBeenCalledWith(0, '_files.scan');
	});

	it('runs the pre-flight checks on the file', async () => {
		const { ctx } = fakeContext({
			parameters: { inputSource: 'binary', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: '', mimeType: 'image/gif' } } }],
			stored: { data: make.gif(100, 100) },
		});
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe('The file is a GIF image; Passport accepts JPEG, PNG, BMP or TIFF [item 0]');
	});
});

describe('resolveInput: Base64 string', () => {
	it('cleans the text, checks the decoded file and sends the cleaned Base64', async () => {
		const image = make.bmp(40, 30);
		const { ctx } = fakeContext({
			parameters: { inputSource: 'base64', base64Data: `data:image/bmp;base64,${image.toString('base64')}\n` },
		});
		await expect(resolveInput(ctx, 0, passport(), context)).resolves.toEqual({
			kind: 'file',
			source: 'base64',
			bytes: expect.any(Buffer),
			base64: sentAsBase64(image.toString('base64')),
			byteLength: image.length,
			format: 'bmp',
			width: 40,
			height: 30,
			fileName: undefined,
			mimeType: undefined,
		});
	});

	it('rejects undecodable Base64 with the item named', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'base64', base64Data: 'not base64!' } });
		const error = await rejection(resolveInput(ctx, 3, passport(), context));
		expect(error.message).toBe("The Base64 String is not valid Base64: character 10 is '!' [item 3]");
	});

	it.each([
		[{ data: '', mimeType: 'image/png', id: 'filesystem-v2:a' }, 'The Base64 String is a binary file reference, not Base64 text [item 0]'],
		[{ image: 'abc' }, 'The Base64 String is an object, not Base64 text [item 0]'],
		[12345, 'The Base64 String is a number, not Base64 text [item 0]'],
	])('rejects an expression that resolved to %p', async (value, message) => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'base64', base64Data: value as unknown as string } });
		expect((await rejection(resolveInput(ctx, 0, passport(), context))).message).toBe(message);
	});

	it('rejects Base64 over the limit before decoding it', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'base64', base64Data: 'A'.repeat(10_000_004) } });
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe(
			'The file is 7.5 MB, which is 10 MB as Base64; Passport accepts at most 10 MB of Base64 (a file of about 7.5 MB) [item 0]',
		);
	});

	it('rejects valid Base64 of something that is not an image', async () => {
		const { ctx } = fakeContext({
			parameters: { inputSource: 'base64', base64Data: Buffer.from('{"message":"Unauthorized"}').toString('base64') },
		});
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toContain('— this looks like JSON text, not an image [item 0]');
	});
});

describe('resolveInput: URL', () => {
	it('passes a valid URL through for the service to download, encoded', async () => {
		const { ctx, httpRequest } = fakeContext({ parameters: { inputSource: 'url', url: 'https://example.com/护照.jpg' } });
		await expect(resolveInput(ctx, 0, passport(), context)).resolves.toEqual({
			kind: 'url',
			source: 'url',
			url: 'https://example.com/%E6%8A%A4%E7%85%A7.jpg',
		});
		expect(httpRequest).not.toHaveBeenCalled();
	});

	it('rejects a file:// URL', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'url', url: 'file:///home/me/scan.jpg' } });
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe("The URL starts with 'file://'; only http:// and https:// URLs can be sent [item 0]");
	});

	it('downloads in n8n when asked, through httpRequest as a stream, and checks the file', async () => {
		const image = make.png(200, 100);
		const { ctx, httpRequest } = fakeContext({
			parameters: { inputSource: 'url', url: 'http://intranet.local/scans/a%20b.png?x=1', options: { downloadUrl: true } },
			httpResponse: { body: Readable.from([image.subarray(0, 50), image.subarray(50)]), headers: { 'content-type': 'image/png; charset=binary', 'content-length': String(image.length) }, statusCode: 200 },
		});
		const resolved = await resolveInput(ctx, 0, passport(), { ...context, downloadTimeoutMs: 5000 });
		expect(httpRequest).toHaveBeenCalledWith(
			expect.objectContaining({
				method: 'GET',
				url: 'http://intranet.local/scans/a%20b.png?x=1',
				encoding: 'stream',
				returnFullResponse: true,
				timeout: 5000,
			}),
		);
		expect(resolved).toEqual({
			kind: 'file',
			source: 'url',
			bytes: expect.any(Buffer),
			base64: sentAsBase64(image.toString('base64')),
			byteLength: image.length,
			format: 'png',
			width: 200,
			height: 100,
			fileName: 'a b.png',
			mimeType: 'image/png',
		});
	});

	it('rejects a download over the size cap from its announced length', async () => {
		const { ctx } = fakeContext({
			parameters: { inputSource: 'url', url: 'https://example.com/big.tif', options: { downloadUrl: true, maxDownloadSize: 2 } },
			httpResponse: { body: Buffer.alloc(10), headers: { 'content-length': '2500000' }, statusCode: 200 },
		});
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe('The file at the URL is 2.5 MB; Max Download Size is 2 MB [item 0]');
	});

	it('stops reading a body without announced length as soon as it passes the size cap', async () => {
		let chunksPulled = 0;
		async function* endless() {
			for (;;) {
				chunksPulled++;
				yield Buffer.alloc(100_000);
			}
		}
		const { ctx } = fakeContext({
			parameters: { inputSource: 'url', url: 'https://example.com/big.tif', options: { downloadUrl: true, maxDownloadSize: 1 } },
			httpResponse: { body: Readable.from(endless()), headers: {}, statusCode: 200 },
		});
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe('The file at the URL is larger than 1 MB; Max Download Size is 1 MB [item 0]');
		// 1 MB is 10.5 chunks; the stream's read-ahead may pull a few more, never the endless rest.
		expect(chunksPulled).toBeLessThan(40);
	});

	it('reports an HTTP failure of the download', async () => {
		const { ctx } = fakeContext({
			parameters: { inputSource: 'url', url: 'https://example.com/gone.jpg', options: { downloadUrl: true } },
			httpResponse: { body: Buffer.from('<html>Not Found</html>'), headers: {}, statusCode: 404, statusMessage: 'Not Found' },
		});
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe('Downloading the URL in n8n failed: the server answered HTTP 404 Not Found [item 0]');
	});

	it('reports a network failure of the download', async () => {
		const { ctx } = fakeContext({
			parameters: { inputSource: 'url', url: 'https://nowhere.invalid/a.jpg', options: { downloadUrl: true } },
			httpResponse: new Error('getaddrinfo ENOTFOUND nowhere.invalid'),
		});
		const error = await rejection(resolveInput(ctx, 2, passport(), context));
		expect(error.message).toBe('Downloading the URL in n8n failed: the host name was not found [item 2]');
		expect(error.context.itemIndex).toBe(2);
	});

	it('describes an HTML page returned in place of the image', async () => {
		const { ctx } = fakeContext({
			parameters: { inputSource: 'url', url: 'https://example.com/login', options: { downloadUrl: true } },
			httpResponse: { body: Buffer.from('<html><head><title>Sign in</title>'), headers: {}, statusCode: 200 },
		});
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toContain("starts with 3C 68 74 6D 6C 3E 3C 68 ('<html><h') — this looks like an HTML page, not an image");
	});

	it('rejects a page number for an operation without page selection', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'url', url: 'https://example.com/a.pdf' } });
		const error = await rejection(resolveInput(ctx, 0, passport(), { ...context, pageNumber: 2 }));
		expect(error.message).toBe('Passport does not take a page number; only operations that read PDF files do [item 0]');
	});
});

describe('resolveInput: OBS object', () => {
	it('builds the object URL in the call region', async () => {
		const { ctx } = fakeContext({
			parameters: { inputSource: 'obs', obsBucket: 'scans', obsObjectKey: '/2024/护照 1.jpg', obsRegion: '' },
		});
		await expect(resolveInput(ctx, 0, passport(), { region: 'ap-southeast-1' })).resolves.toEqual({
			kind: 'url',
			source: 'obs',
			url: 'https://scans.obs.ap-southeast-1.myhuaweicloud.com/2024/%E6%8A%A4%E7%85%A7%201.jpg',
		});
	});

	it('rejects an invalid bucket name', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'obs', obsBucket: 'My_Bucket', obsObjectKey: 'a.jpg' } });
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe("'My_Bucket' is not a valid OBS bucket name [item 0]");
	});
});

describe('resolveInput: source selection', () => {
	it('defaults to URL in AI-tool mode, where there is no binary input', async () => {
		const { ctx } = fakeContext({ parameters: { url: 'https://example.com/a.png' }, tool: true });
		await expect(resolveInput(ctx, 0, passport(), context)).resolves.toMatchObject({ kind: 'url', source: 'url' });
	});

	it('rejects an unknown source from an expression', async () => {
		const { ctx } = fakeContext({ parameters: { inputSource: 'ftp' } });
		const error = await rejection(resolveInput(ctx, 0, passport(), context));
		expect(error.message).toBe("Input Source 'ftp' is not one of Binary File, Base64 String, URL or OBS Object [item 0]");
	});

	it('refuses to resolve a file for an operation that takes none', async () => {
		const { ctx } = fakeContext({ parameters: {} });
		const error = await rejection(resolveInput(ctx, 0, operationByValue('invoiceVerification'), context));
		expect(error.message).toBe('Invoice Verification takes no file [item 0]');
	});
});
