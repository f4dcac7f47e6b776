/** Resource limits and hostile values (issue 10, items 7–15) through the node in n8n-core's engine. */
import { createServer, type Server } from '../../nodejs/http.cjs';
import type { AddressInfo } from '../../nodejs/net.cjs';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

const emulatorOf = useEmulator();
const generalText = { resource: 'textAndTables', operation: 'generalText' };
const credentials = () => emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' });

const recognitionCalls = () =>
	emulatorOf().requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);

async function run(parameters: INodeParameters, items: INodeExecutionData[] = [{ json: {} }]) {
	return await runOcr({ parameters, credentials: credentials(), items });
}

describe('Max Download Size', () => {
	let server: Server;
	let baseUrl: string;
	/** Bytes the endless server handed to the socket before the client went away. */
	let bytesSent = 0;
	let closed: Promise<void>;

	beforeAll(async () => {
		const chunk = Buffer.alloc(64 * 1024, 0x41);
		server = createServer((req, res) => {
			bytesSent = 0;
			let finished = false;
			closed = new Promise((resolve) => res.on('close', () => {
				finished = true;
				resolve();
			}));
			// Chunked transfer encoding: no Content-Length announces the size.
			res.writeHead(200, { 'content-type': 'image/png' });
			res.write(png(20, 20));
			const pump = () => {
				while (!finished && bytesSent < 200 * 1024 * 1024) {
					bytesSent += chunk.length;
					if (!res.write(chunk)) return void res.once('drain', pump);
				}
				if (!finished) res.end();
			};
			pump();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise((resolve) => server.close(resolve)));

	it('stops a chunked download without Content-Length once the limit is passed', async () => {
		const { error } = await run({
			...generalText,
			inputSource: 'url',
			url: `${baseUrl}/endless.png`,
			options: { downloadUrl: true, maxDownloadSize: 1 },
		});
		await closed;

		expect(error?.message).toMatch(/Max Download Size is 1 MB/);
		// Socket buffers hold a few MB at most; the whole 200 MB body must not have been pulled.
		expect(bytesSent).toBeLessThan(16 * 1024 * 1024);
		expect(emulatorOf().requests).toHaveLength(0);
	});

	it.each([['lots'], [''], [0], [-2]])('rejects Max Download Size %p before downloading', async (limit) => {
		bytesSent = 0;
		const { error } = await run({
			...generalText,
			inputSource: 'url',
			url: `${baseUrl}/endless.png`,
			options: { downloadUrl: true, maxDownloadSize: limit },
		});

		expect(error?.message).toContain(`Max Download Size must be a number of megabytes above 0, not ${JSON.stringify(limit)}`);
		expect(error?.description).toMatch(/Set Max Download Size/);
		expect(bytesSent).toBe(0);
		expect(emulatorOf().requests).toHaveLength(0);
	});
});

describe('a binary file stored in the item JSON', () => {
	const image = png(120, 60);
	const itemWithFileInJson = (): INodeExecutionData => ({
		json: { file: { data: image.toString('base64'), mimeType: 'image/png', fileName: 'scan.png' } },
	});

	it('is refused with where the file is and what to set, before any call', async () => {
		const { error } = await run({ ...generalText, binaryPropertyName: 'file' }, [itemWithFileInJson()]);

		expect(error?.message).toBe("The file 'file' is in the item's JSON ($json.file), not in its binary data [item 0]");
		expect(error?.description).toBe(
			'Set Input Binary Field to the expression {{ $json.file }} to read it from the JSON, ' +
				'or move it into the binary data with the Convert to File node.',
		);
		expect(emulatorOf().requests).toHaveLength(0);
	});

	it('is read when Input Binary Field is the expression the error suggests', async () => {
		const { error, items } = await run({ ...generalText, binaryPropertyName: '={{ $json.file }}' }, [itemWithFileInJson()]);

		expect(error).toBeUndefined();
		const [call] = recognitionCalls();
		expect(call.body).toEqual({ image: image.toString('base64') });
		expect(items[0].json.text).toEqual(expect.any(String));
	});
});

describe('option values from expressions', () => {
	const withFile = async () => [await fileItem(png(200, 100), 'scan.png', 'image/png')];

	it('takes Simplify "false" as false and returns the raw result', async () => {
		const { error, items } = await run({ ...generalText, simplify: 'false' }, await withFile());
		expect(error).toBeUndefined();
		expect(items[0].json.result).toEqual(expect.objectContaining({ words_block_list: expect.any(Array) }));
	});

	it('refuses an output option of the wrong type before the paid call', async () => {
		const { error } = await run({ ...generalText, options: { attachText: 'yes' } }, await withFile());
		expect(error?.message).toBe('Attach Text File must be true or false, not "yes" [item 0]');
		expect(recognitionCalls()).toHaveLength(0);
	});

	it('gives every item an error item for a wrong-typed pool option under Continue On Fail', async () => {
		const files = [...(await withFile()), ...(await withFile())];
		const result = await runOcr({
			parameters: { ...generalText, options: { maxConcurrency: '' } },
			credentials: credentials(),
			items: files,
			onError: 'continueRegularOutput',
		});
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[expect.objectContaining({ message: 'Max Concurrent Requests must be a number, not "" [item 0]' }), { item: 0 }],
			[expect.objectContaining({ message: 'Max Concurrent Requests must be a number, not "" [item 0]' }), { item: 1 }],
		]);
		expect(recognitionCalls()).toHaveLength(0);
	});
});
