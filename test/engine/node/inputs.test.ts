/** Each input source through the node in n8n-core's engine, and every check that must stop an item before a paid call. */
import { createServer, type Server } from '../../nodejs/http.cjs';
import type { AddressInfo } from '../../nodejs/net.cjs';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { FIXTURE_BASE_URL } from '../../emulator/fixtures';
import { gif, jpeg, paddedJpeg, png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

const emulatorOf = useEmulator();
let fileServer: Server;
let fileServerUrl: string;
const served = new Map<string, Buffer>();

beforeAll(async () => {
	fileServer = createServer((req, res) => {
		const body = served.get(req.url ?? '');
		res.writeHead(body ? 200 : 404, { 'content-type': 'image/png' }).end(body ?? 'missing');
	});
	await new Promise<void>((resolve) => fileServer.listen(0, '127.0.0.1', resolve));
	fileServerUrl = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise((resolve) => fileServer.close(resolve)));

const generalText = { resource: 'textAndTables', operation: 'generalText' };
const passport = { resource: 'identityDocument', operation: 'passport' };
const credentials = () => emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' });
const recognitionCalls = () =>
	emulatorOf().requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);

async function run(parameters: INodeParameters, items: INodeExecutionData[] = [{ json: {} }]) {
	return await runOcr({ parameters, credentials: credentials(), items });
}

describe('input sources', () => {
	it.each(['default', 'filesystem'] as const)(
		'reads a binary file in the %s binary data mode through n8n, not from the item',
		async (binaryMode) => {
			const image = png(240, 120);
			const result = await runOcr({
				parameters: generalText,
				credentials: credentials(),
				binaryMode,
				items: [await fileItem(image, 'scan.png', 'image/png')],
			});

			expect(result.error).toBeUndefined();
			expect(recognitionCalls()[0].body).toEqual({ image: image.toString('base64') });
			expect(result.items[0].json.text).toEqual(expect.any(String));
		},
	);

	it('sends a Base64 string without its data: prefix and line breaks', async () => {
		const image = png(120, 60);
		const base64 = image.toString('base64');
		const pasted = `data:image/png;base64,${base64.slice(0, 40)}\n${base64.slice(40)}`;
		const { error } = await run({ ...generalText, inputSource: 'base64', base64Data: pasted });

		expect(error).toBeUndefined();
		expect(recognitionCalls()[0].body).toEqual({ image: base64 });
	});

	it('lets the service download a URL', async () => {
		const url = `${FIXTURE_BASE_URL}/document.png`;
		const { error, items } = await run({ ...generalText, inputSource: 'url', url });

		expect(error).toBeUndefined();
		expect(recognitionCalls()[0].body).toEqual({ url });
		expect(items).toHaveLength(1);
	});

	it('downloads an intranet URL in n8n and sends it as Base64 when asked to', async () => {
		const image = png(200, 100);
		served.set('/intranet/scan.png', image);
		const { error } = await run({
			...generalText,
			inputSource: 'url',
			url: `${fileServerUrl}/intranet/scan.png`,
			options: { downloadUrl: true },
		});

		expect(error).toBeUndefined();
		expect(recognitionCalls()[0].body).toEqual({ image: image.toString('base64') });
	});

	it('builds the OBS object URL with the key encoded, in the call region', async () => {
		emulatorOf().putObject('scans-bucket', 'cn-north-4', 'inbox/März 1.png', png(300, 200));
		const { error } = await run({
			...generalText,
			inputSource: 'obs',
			obsBucket: 'scans-bucket',
			obsObjectKey: '/inbox/März 1.png',
		});

		expect(error).toBeUndefined();
		expect(recognitionCalls()[0].body).toEqual({
			url: 'https://scans-bucket.obs.cn-north-4.myhuaweicloud.com/inbox/M%C3%A4rz%201.png',
		});
	});

	it('explains OBS authorization when the service has no OBS agency', async () => {
		emulatorOf().putObject('scans-bucket', 'cn-north-4', 'a.png', png(300, 200));
		emulatorOf().setFaults({ obsAgencyMissing: ['cn-north-4'] });
		const { error } = await run({
			...generalText,
			inputSource: 'obs',
			obsBucket: 'scans-bucket',
			obsObjectKey: 'a.png',
		});

		expect(error?.message).toContain('ModelArts.4702');
		expect(error?.description).toMatch(/authorize OCR to access OBS/);
	});
});

describe('checks before any paid call', () => {
	type RejectedCase = () => Promise<{ parameters: INodeParameters; file: INodeExecutionData }>;
	const cases: Array<[string, RejectedCase, RegExp]> = [
		[
			'a format the operation does not accept',
			async () => ({ parameters: passport, file: await fileItem(gif(300, 300), 'photo.gif', 'image/gif') }),
			/GIF.*Passport accepts JPEG, PNG, BMP or TIFF/,
		],
		[
			'an image that is too small',
			async () => ({ parameters: passport, file: await fileItem(png(10, 10), 'tiny.png', 'image/png') }),
			/10 × 10 px.*15/,
		],
		[
			'an image that is too large',
			async () => ({ parameters: passport, file: await fileItem(jpeg(9000, 1200), 'wide.jpg', 'image/jpeg') }),
			/9000 × 1200 px.*8192/,
		],
		[
			'a file over the 10 MB Base64 limit',
			async () => ({
				parameters: passport,
				file: await fileItem(paddedJpeg(2000, 1500, 7_600_000), 'big.jpg', 'image/jpeg'),
			}),
			/10 MB/,
		],
		[
			'a file that is not an image',
			async () => ({
				parameters: passport,
				file: await fileItem(Buffer.from('<html><body>login</body></html>'), 'scan.png', 'image/png'),
			}),
			/HTML/,
		],
	];

	it.each(cases)('rejects %s without calling Huawei Cloud', async (_name, makeCase, message) => {
		const { parameters, file } = await makeCase();
		const { error } = await run(parameters, [file]);

		expect(error?.message).toMatch(message);
		expect(error?.description).toBeTruthy();
		expect(emulatorOf().requests).toHaveLength(0);
	});

	it('rejects Base64 that does not decode', async () => {
		const { error } = await run({ ...generalText, inputSource: 'base64', base64Data: 'abc$def==' });

		expect(error?.message).toMatch(/Base64/);
		expect(error?.message).toMatch(/\$/);
		expect(emulatorOf().requests).toHaveLength(0);
	});

	it('rejects a file:// URL', async () => {
		const { error } = await run({ ...generalText, inputSource: 'url', url: 'file:///etc/passwd' });

		expect(error?.message).toMatch(/only http:\/\/ and https:\/\/ URLs/);
		expect(emulatorOf().requests).toHaveLength(0);
	});

	it('names the binary properties an item does have when the chosen one is missing', async () => {
		const item = await fileItem(png(100, 100), 'scan.png', 'image/png', {}, 'attachment_0');
		const { error } = await run({ ...generalText, binaryPropertyName: 'data' }, [item]);

		expect(error?.message).toMatch(/data/);
		expect(`${error?.message} ${error?.description}`).toMatch(/attachment_0/);
		expect(emulatorOf().requests).toHaveLength(0);
	});

	it('names the regions that offer an operation the credential region does not', async () => {
		const { error } = await runOcr({
			parameters: { resource: 'textAndTables', operation: 'generalTable' },
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'ap-southeast-2' }),
			items: [await fileItem(png(200, 200), 'table.png', 'image/png')],
		});

		expect(error?.message).toMatch(/not available in AP-Bangkok \(ap-southeast-2\)/);
		expect(error?.message).toMatch(/ap-southeast-3/);
		expect(emulatorOf().requests).toHaveLength(0);
	});
});

describe('region override (Options → Region)', () => {
	it('calls another region with AK/SK, resolving that region\'s project', async () => {
		const { error } = await runOcr({
			parameters: { resource: 'textAndTables', operation: 'generalTable', options: { region: 'ap-southeast-3' } },
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'ap-southeast-2' }),
			items: [await fileItem(png(200, 200), 'table.png', 'image/png')],
		});

		expect(error).toBeUndefined();
		const [call] = recognitionCalls();
		expect(call.region).toBe('ap-southeast-3');
		expect(call.projectId).toBe(emulatorOf().account.projectIds['ap-southeast-3']);
	});

	it('is refused for an IAM password credential before any call, with what to do instead', async () => {
		const { error } = await runOcr({
			parameters: { ...generalText, options: { region: 'cn-east-3' } },
			credentials: emulatorCredentials(emulatorOf(), 'password', { region: 'cn-north-4' }),
			items: [await fileItem(png(200, 200), 'scan.png', 'image/png')],
		});

		expect(error?.message).toMatch(/can't be changed to cn-east-3 with an IAM password credential/);
		expect(error?.description).toMatch(/Use an AK\/SK credential/);
		expect(emulatorOf().requests).toHaveLength(0);
	});
});
