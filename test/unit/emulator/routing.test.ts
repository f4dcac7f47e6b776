import { makeAccount, OPERATION_SPECS, startEmulator, type Emulator } from '../../emulator';
import { b64, PNG } from './files';
import { ocr, ocrPath, sdkCall, send } from './helpers';

describe('emulator routing, region hosting and project ownership', () => {
	let emu: Emulator;
	const other = makeAccount('other-account');
	beforeAll(async () => {
		emu = await startEmulator({ accounts: [other] });
	});
	afterAll(() => emu.stop());
	beforeEach(() => emu.clearLog());

	function validBody(id: string): Record<string, unknown> {
		const spec = OPERATION_SPECS.get(id)!;
		if (!spec.fileField) return { code: '', number: '12345678', issue_date: '2024-03-15' };
		return { [spec.fileField]: b64(PNG) };
	}

	const offered = [...OPERATION_SPECS.values()].filter((spec) => !spec.retired && spec.regions.length > 0);

	it.each(offered.map((spec) => [spec.id, spec.regions[0]]))('serves %s in %s', async (id, region) => {
		const spec = OPERATION_SPECS.get(id)!;
		const answer = await ocr(emu, id, validBody(id), region);
		expect(answer.status).toBe(200);
		expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
		expect(['sample', 'template']).toContain(answer.headers['x-emulator-result-source']);
		expect(Array.isArray(answer.json.result)).toBe(spec.resultIsArray);
		expect(emu.requests.at(-1)).toMatchObject({ service: 'ocr', operation: id, region, status: 200 });
	});

	it.each(['hk-id-card', 'macao-id-card', 'exit-entry-permit', 'mainland-travel-permit', 'id-document'])(
		'answers the retired %s like an unpublished API (404 APIG.0101)',
		async (id) => {
			const answer = await ocr(emu, id, { image: b64(PNG) }, 'ap-southeast-1');
			expect(answer.status).toBe(404);
			expect(answer.json).toMatchObject({ error_code: 'APIG.0101', request_id: answer.headers['x-request-id'] });
			expect(emu.requests.at(-1)).toMatchObject({ operation: id, status: 404, body: { image: b64(PNG) } });
		},
	);

	it('answers an operation not hosted in the project’s region with 404 APIG.0101', async () => {
		const passport = await ocr(emu, 'passport', { image: b64(PNG) }, 'cn-east-3');
		expect([passport.status, passport.json.error_code]).toEqual([404, 'APIG.0101']);
		const waybill = await ocr(emu, 'waybill-electronic', { image: b64(PNG) }, 'cn-north-4');
		expect(waybill.json.error_code).toBe('APIG.0101');
		expect((await ocr(emu, 'passport', { image: b64(PNG) }, 'ap-southeast-2')).status).toBe(200);
	});

	it('answers unknown paths and wrong methods with 404 APIG.0101', async () => {
		expect((await ocr(emu, 'qr-code', { image: b64(PNG) })).json.error_code).toBe('APIG.0101');
		const get = await sdkCall(emu, { method: 'GET', path: ocrPath(emu.account.projectIds['cn-north-4'], 'general-text') });
		expect([get.status, get.json.error_code]).toEqual([404, 'APIG.0101']);
		expect((await send(emu, 'GET', '/v1.0/ocr/general-text', {})).status).toBe(404);
	});

	it('rejects a project of another account for an AK/SK caller', async () => {
		const answer = await sdkCall(emu, { path: ocrPath(other.projectIds['cn-north-4'], 'general-text'), body: { image: b64(PNG) } });
		expect([answer.status, answer.json.error_code]).toEqual([401, 'APIG.0301']);
		expect(emu.requests.at(-1)?.authFailure).toBe('project-not-owned');
	});

	it('rejects an unknown project id', async () => {
		const answer = await sdkCall(emu, { path: ocrPath('f'.repeat(32), 'general-text'), body: { image: b64(PNG) } });
		expect(answer.json.error_code).toBe('APIG.0301');
	});

	it('rejects an X-Project-Id header that differs from the path', async () => {
		const answer = await ocr(emu, 'general-text', { image: b64(PNG) }, 'cn-north-4', {
			headers: { 'X-Project-Id': emu.account.projectIds['cn-east-3'] },
		});
		expect(answer.json.error_code).toBe('APIG.0301');
		expect(emu.requests.at(-1)?.authFailure).toBe('x-project-id-mismatch');
	});

	it('logs method, path, headers, parsed body and identity of every request', async () => {
		await ocr(emu, 'general-text', { image: b64(PNG), detect_direction: true });
		const entry = emu.requests.at(-1)!;
		expect(entry).toMatchObject({
			method: 'POST',
			path: ocrPath(emu.account.projectIds['cn-north-4'], 'general-text'),
			body: { image: b64(PNG), detect_direction: true },
			identity: { type: 'accessKey', accessKeyId: emu.account.accessKeyId, domainName: emu.account.domainName },
			status: 200,
			resultSource: 'sample',
		});
		expect(entry.headers['content-type']).toBe('application/json');
		expect(entry.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
	});
});
