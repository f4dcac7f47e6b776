import { setTimeout } from '../../nodejs/timers.cjs';

import { request } from 'undici';
import { startEmulator, type Emulator, type FaultKind } from '../../emulator';
import { b64, PNG } from './files';
import { ocr, ocrPath, passwordToken, sdkCall, sdkSignedHeaders, send } from './helpers';

const image = { image: b64(PNG) };

describe('emulator faults', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(() => emu.stop());
	beforeEach(() => {
		emu.resetFaults();
		emu.clearLog();
	});

	it('answers ModelArts.4204 for an operation not subscribed in one region only', async () => {
		emu.setFaults({ notSubscribed: [{ operation: 'general-text', region: 'cn-north-4' }] });
		const answer = await ocr(emu, 'general-text', image, 'cn-north-4');
		expect([answer.status, answer.json.error_code]).toEqual([403, 'ModelArts.4204']);
		expect(answer.json.error_msg).toContain('general-text');
		expect((await ocr(emu, 'general-text', image, 'cn-east-3')).status).toBe(200);
		expect((await ocr(emu, 'general-table', image, 'cn-north-4')).status).toBe(200);
	});

	it('checks authentication before the subscription', async () => {
		emu.setFaults({ notSubscribed: [{}] });
		const headers = sdkSignedHeaders(emu, { path: ocrPath(emu.account.projectIds['cn-north-4'], 'general-text'), body: image, secretAccessKey: 'wrong' });
		const answer = await send(emu, 'POST', ocrPath(emu.account.projectIds['cn-north-4'], 'general-text'), headers, JSON.stringify(image));
		expect(answer.json.error_code).toBe('APIG.0301');
	});

	it('failNext(redirect) answers 307 to the configured Location once', async () => {
		emu.setFaults({ redirectLocation: 'https://elsewhere.example/steal' });
		emu.failNext('redirect', 1, { operation: 'general-text' });
		const redirected = await ocr(emu, 'general-text', image);
		expect([redirected.status, redirected.headers.location]).toEqual([307, 'https://elsewhere.example/steal']);
		expect(emu.requests.at(-1)).toMatchObject({ fault: 'redirect', status: 307 });
		expect((await ocr(emu, 'general-text', image)).status).toBe(200);
	});

	it('projectListForbidden: a least-privilege user gets 403 from GET /v3/projects after authentication, OCR still works', async () => {
		emu.setFaults({ projectListForbidden: true });
		const listed = await sdkCall(emu, { method: 'GET', path: '/v3/projects', query: { name: 'cn-north-4' } });
		expect(listed.status).toBe(403);
		expect(listed.json.error).toMatchObject({ code: 403, title: 'Forbidden' });
		const badKeys = await sdkCall(emu, { method: 'GET', path: '/v3/projects', query: { name: 'cn-north-4' }, secretAccessKey: 'wrong' });
		expect(badKeys.json.error_code).toBe('APIG.0301');
		expect((await ocr(emu, 'general-text', image)).status).toBe(200);
	});

	it('throttles above the QPS limit with 429 APIG.0308 and counts it', async () => {
		emu.setFaults({ qpsLimit: 2 });
		const answers = await Promise.all(Array.from({ length: 5 }, () => ocr(emu, 'general-text', image)));
		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses).toEqual([200, 200, 429, 429, 429]);
		const throttled = answers.find((answer) => answer.status === 429)!;
		expect(throttled.json.error_code).toBe('APIG.0308');
		expect(throttled.json.error_msg).toMatch(/throttling threshold has been reached.*limit:2/);
		expect(emu.stats.throttled).toBeGreaterThanOrEqual(3);
	});

	it('adds latency to every answer', async () => {
		emu.setFaults({ latencyMs: 120 });
		const started = Date.now();
		expect((await ocr(emu, 'general-text', image)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		emu.failNext('http502Plain');
		const plainStarted = Date.now();
		expect((await ocr(emu, 'general-text', image)).status).toBe(502);
		expect(Date.now() - plainStarted).toBeGreaterThanOrEqual(110);
	});

	it('does its own work within the latency, as the service does: answers come at arrival + latency', async () => {
		const workMs = 300;
		const calledAfter: number[] = [];
		let started = 0;
		const slow = await startEmulator({
			latencyMs: 400,
			recognizer: async () => {
				calledAfter.push(Date.now() - started);
				await new Promise((resolve) => setTimeout(resolve, workMs));
				return undefined;
			},
		});
		try {
			started = Date.now();
			const answers = await Promise.all(
				[0, 1, 2].map(async () => {
					const answer = await ocr(slow, 'general-text', image);
					return { status: answer.status, elapsed: Date.now() - started };
				}),
			);
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
			// The work starts on arrival, not after the latency…
			expect(calledAfter).toHaveLength(3);
			expect(Math.max(...calledAfter)).toBeLessThan(200);
			for (const { elapsed } of answers) {
				expect(elapsed).toBeGreaterThanOrEqual(390);
				// …so the answer is not latency + work (700 ms).
				expect(elapsed).toBeLessThan(650);
			}
		} finally {
			await slow.stop();
		}
	});

	it.each([
		['backendTimeout', 504, 'APIG.0201'],
		['http500', 500, 'ModelArts.4505'],
		['http502', 502, 'ModelArts.4302'],
		['http503', 503, 'ModelArts.4403'],
		['throttle', 429, 'APIG.0308'],
		['notSubscribed', 403, 'ModelArts.4204'],
	] as Array<[FaultKind, number, string]>)('failNext(%s) answers %i %s once', async (kind, status, code) => {
		emu.failNext(kind);
		const failed = await ocr(emu, 'general-text', image);
		expect([failed.status, failed.json.error_code]).toEqual([status, code]);
		expect(failed.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
		expect(emu.requests.at(-1)?.fault).toBe(kind);
		expect((await ocr(emu, 'general-text', image)).status).toBe(200);
	});

	it.each([500, 502, 503])('answers a bare %i without a Huawei body', async (status) => {
		emu.failNext(`http${status}Plain` as FaultKind);
		const answer = await ocr(emu, 'general-text', image);
		expect(answer.status).toBe(status);
		expect(answer.headers['content-type']).toBe('text/html');
		expect(() => JSON.parse(answer.text)).toThrow();
	});

	it('resets the connection', async () => {
		emu.failNext('reset');
		await expect(ocr(emu, 'general-text', image)).rejects.toThrow();
		expect((await ocr(emu, 'general-text', image)).status).toBe(200);
	});

	it('answers 200 with malformed JSON', async () => {
		emu.failNext('malformedJson');
		const answer = await ocr(emu, 'general-text', image);
		expect(answer.status).toBe(200);
		expect(() => JSON.parse(answer.text)).toThrow();
	});

	it('hangs until the client gives up', async () => {
		emu.failNext('hang');
		const path = ocrPath(emu.account.projectIds['cn-north-4'], 'general-text');
		const headers = sdkSignedHeaders(emu, { path, body: image });
		await expect(
			request(emu.url + path, { method: 'POST', headers, body: JSON.stringify(image), headersTimeout: 300, bodyTimeout: 300 }),
		).rejects.toThrow(/timeout/i);
		expect(emu.requests.at(-1)?.fault).toBe('hang');
	});

	it('expires the presented token on tokenExpired, and a fresh token works', async () => {
		const token = (await passwordToken(emu)).headers['x-subject-token'];
		const path = ocrPath(emu.account.projectIds['cn-north-4'], 'general-text');
		const call = (t: string) => send(emu, 'POST', path, { 'Content-Type': 'application/json', 'X-Auth-Token': t }, JSON.stringify(image));
		emu.failNext('tokenExpired');
		expect((await call(token)).json.error_code).toBe('APIG.0307');
		expect((await call(token)).json.error_code).toBe('APIG.0307');
		const fresh = (await passwordToken(emu)).headers['x-subject-token'];
		expect((await call(fresh)).status).toBe(200);
	});

	it('matches failNext by operation and counts', async () => {
		emu.failNext('http503', 2, { operation: 'general-table' });
		expect((await ocr(emu, 'general-text', image)).status).toBe(200);
		expect((await ocr(emu, 'general-table', image)).status).toBe(503);
		expect((await ocr(emu, 'general-table', image)).status).toBe(503);
		expect((await ocr(emu, 'general-table', image)).status).toBe(200);
		expect(emu.stats.faults.http503).toBeGreaterThanOrEqual(2);
	});

	it('can fail IAM calls by path', async () => {
		emu.failNext('http503', 1, { path: '/v3/auth/tokens' });
		expect((await passwordToken(emu)).status).toBe(503);
		expect((await passwordToken(emu)).status).toBe(201);
	});

	it('mixes random transient faults reproducibly from a seed', async () => {
		const run = async (seed: number) => {
			const local = await startEmulator({ faults: { randomTransient: { rate: 0.5, seed, kinds: ['http503', 'throttle', 'backendTimeout'] } } });
			try {
				const statuses: number[] = [];
				for (let i = 0; i < 20; i++) statuses.push((await ocr(local, 'general-text', image)).status);
				return statuses;
			} finally {
				await local.stop();
			}
		};
		const first = await run(7);
		expect(await run(7)).toEqual(first);
		expect(first.filter((status) => status !== 200).length).toBeGreaterThan(2);
		expect(first.filter((status) => status === 200).length).toBeGreaterThan(2);
		expect(first.every((status) => [200, 429, 503, 504].includes(status))).toBe(true);
	});
});
