/** Every input item gets an answer: in order, paired with its input, as output or as an error item. */
import type { INodeExecutionData } from 'n8n-workflow';

import { png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

const emulatorOf = useEmulator();

const FAILING = new Set([2, 6, 9, 13, 19]);
const passport = { resource: 'identityDocument', operation: 'passport' };

/** 20 items; five of them are too small for Passport (rejected before a call), the rest are fine. */
async function batch(): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (let index = 0; index < 20; index++) {
		const image = FAILING.has(index) ? png(10, 10) : png(200 + index, 150);
		items.push(await fileItem(image, `scan-${index}.png`, 'image/png', { index }));
	}
	return items;
}

it('with Continue On Fail, 20 items with 5 failures give 20 answers in input order', async () => {
	const { items, error } = await runOcr({
		parameters: { ...passport, options: { maxConcurrency: 6 } },
		credentials: emulatorCredentials(emulatorOf()),
		items: await batch(),
		onError: 'continueRegularOutput',
	});

	expect(error).toBeUndefined();
	expect(items).toHaveLength(20);
	items.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		if (FAILING.has(index)) {
			expect(item.json.error).toMatchObject({
				code: 'INVALID_INPUT',
				message: expect.stringContaining('10 × 10 px'),
				hint: expect.any(String),
			});
		} else {
			expect(item.json.error).toBeUndefined();
			expect(item.json.passport_number).toEqual(expect.any(String));
		}
	});
	expect(emulatorOf().requests.filter((request) => request.operation === 'passport')).toHaveLength(15);
});

it('with the error output, failed items go to the second output, paired with their input', async () => {
	const { items, errorItems } = await runOcr({
		parameters: passport,
		credentials: emulatorCredentials(emulatorOf()),
		items: await batch(),
		onError: 'continueErrorOutput',
	});

	expect(items).toHaveLength(15);
	expect(errorItems.map((item) => item.pairedItem)).toEqual(
		[...FAILING].map((index) => ({ item: index })),
	);
});

it('Huawei errors keep their code, request ID, HTTP status and hint on the error item', async () => {
	emulatorOf().setFaults({ notSubscribed: [{ operation: 'passport' }] });
	const { items } = await runOcr({
		parameters: passport,
		credentials: emulatorCredentials(emulatorOf()),
		items: [await fileItem(png(300, 200), 'scan.png', 'image/png')],
		onError: 'continueRegularOutput',
	});

	expect(items[0].json.error).toEqual({
		code: 'ModelArts.4204',
		message: expect.stringContaining('not subscribed'),
		hint: expect.stringMatching(/Passport.*cn-north-4/),
		requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
		httpStatus: 403,
	});
});

it('without Continue On Fail, the first failing item stops the node with its own error', async () => {
	const { error, items } = await runOcr({
		parameters: passport,
		credentials: emulatorCredentials(emulatorOf()),
		items: await batch(),
	});

	expect(items).toHaveLength(0);
	expect(error?.message).toContain('10 × 10 px');
	expect(error?.message).toContain('[item 2]');
});
