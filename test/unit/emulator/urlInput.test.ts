import { createServer, type Server } from '../../nodejs/http.cjs';
import type { AddressInfo } from '../../nodejs/net.cjs';
import { FIXTURE_BASE_URL, startEmulator, type Emulator } from '../../emulator';
import { PNG, pngHeader } from './files';
import { ocr } from './helpers';

describe('emulator URL and OBS inputs', () => {
	let emu: Emulator;
	let files: Server;
	let filesUrl: string;
	beforeAll(async () => {
		emu = await startEmulator();
		files = createServer((req, res) => {
			if (req.url === '/scan.png') {
				res.writeHead(200, { 'Content-Type': 'image/png' });
				res.end(PNG);
			} else {
				res.writeHead(404);
				res.end();
			}
		});
		await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
		filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await emu.stop();
		await new Promise((resolve) => files.close(resolve));
	});
	beforeEach(() => {
		emu.resetFaults();
		emu.clearLog();
	});

	it('downloads an http URL on 127.0.0.1', async () => {
		const answer = await ocr(emu, 'web-image', { url: `${filesUrl}/scan.png`, extract_type: ['image_size'] });
		expect(answer.status).toBe(200);
		expect(answer.json.result.extracted_data.image_size).toEqual({ width: 400, height: 200 });
	});

	it('answers ModelArts.4603 when the download fails or the host is unreachable', async () => {
		expect((await ocr(emu, 'general-text', { url: `${filesUrl}/missing.png` })).json.error_code).toBe('ModelArts.4603');
		expect((await ocr(emu, 'general-text', { url: 'https://www.example.org/scan.png' })).json.error_code).toBe('ModelArts.4603');
	});

	it('serves built-in and registered fake https files, and checks them like Base64 input', async () => {
		expect((await ocr(emu, 'general-text', { url: `${FIXTURE_BASE_URL}/document.png` })).status).toBe(200);
		expect((await ocr(emu, 'general-text', { url: `${FIXTURE_BASE_URL}/too-small.png` })).json.error_code).toBe('AIS.0103');
		expect((await ocr(emu, 'general-text', { url: `${FIXTURE_BASE_URL}/not-an-image.txt` })).json.error_code).toBe('AIS.0102');
		emu.putUrl('https://cdn.customer.test/big.png', pngHeader(9000, 100));
		expect((await ocr(emu, 'general-table', { url: 'https://cdn.customer.test/big.png' })).json.error_code).toBe('AIS.0103');
	});

	describe('OBS', () => {
		const obsUrl = (bucket: string, region: string, key: string) => `https://${bucket}.obs.${region}.myhuaweicloud.com/${key}`;

		it('reads an object in the call’s region', async () => {
			emu.putObject('scans', 'cn-north-4', 'in/page 1.png', PNG);
			const answer = await ocr(emu, 'general-text', { url: obsUrl('scans', 'cn-north-4', 'in/page%201.png') });
			expect(answer.status).toBe(200);
		});

		it('answers ModelArts.4702 when the OCR-to-OBS agency is missing', async () => {
			emu.putObject('scans', 'cn-north-4', 'a.png', PNG);
			emu.setFaults({ obsAgencyMissing: ['cn-north-4'] });
			expect((await ocr(emu, 'general-text', { url: obsUrl('scans', 'cn-north-4', 'a.png') })).json.error_code).toBe('ModelArts.4702');
		});

		it('answers ModelArts.4703 for a private object in another region', async () => {
			emu.putObject('hk-scans', 'ap-southeast-1', 'a.png', PNG);
			const answer = await ocr(emu, 'general-text', { url: obsUrl('hk-scans', 'ap-southeast-1', 'a.png') }, 'cn-north-4');
			expect(answer.json.error_code).toBe('ModelArts.4703');
		});

		it('reads a public-read object across regions and without an agency', async () => {
			emu.putObject('public-scans', 'ap-southeast-1', 'a.png', PNG, { publicRead: true });
			emu.setFaults({ obsAgencyMissing: ['*'] });
			expect((await ocr(emu, 'general-text', { url: obsUrl('public-scans', 'ap-southeast-1', 'a.png') }, 'cn-north-4')).status).toBe(200);
		});

		it('answers ModelArts.4704 for an unknown bucket and 4706 for a missing object', async () => {
			expect((await ocr(emu, 'general-text', { url: obsUrl('no-bucket', 'cn-north-4', 'a.png') })).json.error_code).toBe('ModelArts.4704');
			emu.putObject('scans', 'cn-north-4', 'a.png', PNG);
			expect((await ocr(emu, 'general-text', { url: obsUrl('scans', 'cn-north-4', 'missing.png') })).json.error_code).toBe('ModelArts.4706');
		});
	});
});
