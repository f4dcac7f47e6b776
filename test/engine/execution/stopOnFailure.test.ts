/**
 * Without Continue On Fail, a failure stops the whole node: once it is known, no further paid call
 * starts for any page of any item (calls already in flight finish), and the node's error says how
 * many calls were answered and billed, with their request IDs. Under Continue On Fail every page is read.
 * Checked in n8n-core's engine against the emulator, by what the emulator received.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { scannedPdf } from '../../fixtures/pdfDocuments';
import { png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

const GENERAL_TEXT = OPERATIONS.find((operation) => operation.id === 'general-text')!;
/** Page N of the test PDFs is a scan 300 + N px wide; a 399 px page makes recognition fail at once (AIS.0105). */
const FAILING_WIDTH = 399;
/** Good pages take this long, so the failure is known while other calls are in flight or waiting for a slot. */
const GOOD_PAGE_MS = 150;
const pngWidth = (image: Buffer) => image.readUInt32BE(16);

const emulatorOf = useEmulator({
	logBodies: 'omitFiles',
	recognizer: async ({ operation, image, format }) => {
		if (operation !== GENERAL_TEXT.id || format !== 'png') return undefined;
		if (pngWidth(image) === FAILING_WIDTH) throw new Error('unreadable page');
		await sleep(GOOD_PAGE_MS);
		return { direction: 0, words_block_count: 1, words_block_list: [{ words: `page of width ${pngWidth(image)}` }] };
	},
});

/** The OCR calls that carried a document (not the credential's one-off subscription probe, an empty body). */
const ocrCalls = () => emulatorOf().requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);
const failingCall = () => ocrCalls().find((call) => call.errorCode === 'AIS.0105')!;
const billedCalls = () => ocrCalls().filter((call) => call.status !== undefined && call.status >= 200 && call.status < 300);

/** `items[i]` pages; the page numbered `failingPage[i]` of item i (if any) fails. */
async function pdfItems(pages: number[], failing: Record<number, number>): Promise<INodeExecutionData[]> {
	return await Promise.all(
		pages.map(async (count, index) => {
			const pdf = await scannedPdf(count, { width: (page) => (failing[index] === page ? FAILING_WIDTH : 300 + page) });
			return await fileItem(pdf, `scan-${index}.pdf`, 'application/pdf');
		}),
	);
}

async function run(items: INodeExecutionData[], maxConcurrency: number, continueOnFail = false) {
	return await runOcr({
		parameters: { resource: GENERAL_TEXT.resource, operation: GENERAL_TEXT.value, pages: 'all', options: { maxConcurrency } },
		credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' }),
		items,
		onError: continueOnFail ? 'continueRegularOutput' : undefined,
	});
}

/**
 * After the failing call arrived, a slot that was busy then can have sent at most one more call
 * (one in transit, or one started before the node learned of the failure); nothing else may arrive.
 */
function expectNoCallStartedAfterTheFailure(maxConcurrency: number) {
	const failure = failingCall();
	expect(failure).toBeDefined();
	const after = ocrCalls().filter((call) => call.seq > failure.seq);
	expect(after.length).toBeLessThanOrEqual(maxConcurrency - 1);
}

describe('without Continue On Fail, a failing page stops every call of the node', () => {
	it.each([
		['a page of the first item fails while the second item waits for slots', [6, 6], { 0: 2 }, 2],
		['the second item fails while the first sends its pages', [8, 1], { 1: 1 }, 2],
		['the third of three items fails, four calls at a time', [6, 6, 6], { 2: 3 }, 4],
	])('%s', async (_case, pages, failing, maxConcurrency) => {
		const total = pages.reduce((sum, count) => sum + count, 0);
		const { error } = await run(await pdfItems(pages, failing), maxConcurrency);

		expect(error?.message).toMatch(/^General Text failed on page \d+ of \d+: Recognition failed\. \(AIS\.0105\)$/);
		expectNoCallStartedAfterTheFailure(maxConcurrency);
		expect(ocrCalls().length).toBeLessThan(total);
	});

	it('says how many calls were billed before it stopped, with their request IDs, and still how to fix the failure', async () => {
		const { error } = await run(await pdfItems([6, 6], { 1: 2 }), 2);
		const billed = billedCalls();
		expect(billed.length).toBeGreaterThan(0);
		const description = String(error?.description);
		expect(description).toContain(`Request ID: ${failingCall().requestId}`);
		expect(description).toContain(
			`${billed.length} ${billed.length === 1 ? 'call was' : 'calls were'} answered and billed before the node stopped; their results are not output.`,
		);
		expect(description).toContain(`Billed request IDs: ${billed.map((call) => call.requestId).join(', ')}.`);
		expect(description).toMatch(/Continue On Fail/);
		expect((error as unknown as { context: IDataObject }).context.billedRequestIds).toEqual(billed.map((call) => call.requestId));
	});

	it('a call waiting out a throttle pause is not sent again once another item failed', async () => {
		// Both calls are under way before either answer: the first is throttled (the whole pool pauses
		// at least a second), the second fails for good; after the pause the throttled call must not be retried.
		// Web Image, so that the faults don't hit the credential's subscription probe (General Text).
		const webImage = OPERATIONS.find((operation) => operation.id === 'web-image')!;
		emulatorOf().setFaults({ latencyMs: 150 });
		emulatorOf().failNext('throttle', 1, { operation: webImage.id });
		emulatorOf().failNext('notSubscribed', 1, { operation: webImage.id });
		const { error } = await runOcr({
			parameters: { resource: webImage.resource, operation: webImage.value, options: { maxConcurrency: 2 } },
			credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' }),
			items: await Promise.all([0, 1].map(async (index) => await fileItem(png(300 + index, 200), `scan-${index}.png`, 'image/png'))),
		});
		expect(error?.message).toContain('ModelArts.4204');
		const calls = ocrCalls().filter((call) => call.operation === webImage.id);
		expect(calls.map((call) => `${call.status} ${call.errorCode}`)).toStrictEqual(['429 APIG.0308', '403 ModelArts.4204']);
	});

	it('an item that fails before any call (bad input) also stops the pages of the items in flight', async () => {
		const items = await pdfItems([8], {});
		items.push({ json: {}, binary: {} });
		const { error } = await run(items, 2);
		expect(error?.message).toContain('[item 1]');
		expect(ocrCalls().length).toBeLessThan(8);
		expect(ocrCalls().length).toBeLessThanOrEqual(2);
	});
});

it('under Continue On Fail every page of every item is read, and each item gets its answer', async () => {
	const { items, error } = await run(await pdfItems([6, 6], { 0: 2 }), 2, true);
	expect(error).toBeUndefined();
	expect(ocrCalls()).toHaveLength(12);
	expect(items).toHaveLength(2);
	expect(items[0].json).toMatchObject({ pagesRead: [1, 3, 4, 5, 6], errors: [{ page: 2, code: 'AIS.0105' }] });
	expect(items[1].json).toMatchObject({ pagesRead: [1, 2, 3, 4, 5, 6] });
	expect(items[1].json.errors).toBeUndefined();
});
