/**
 * The Max Pages guard runs on the number of pages a Page Range names, before any page list is
 * built: a long range (100 kB, thousands of overlapping spans) costs its parse, not spans × pages.
 * Through the node in n8n-core's engine, with the service downloading a URL (no page count known).
 */
import { FIXTURE_BASE_URL } from '../../emulator/fixtures';
import { emulatorCredentials, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

const emulatorOf = useEmulator();
const ocrCalls = () => emulatorOf().requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);

it('a 100 kB Page Range over Max Pages fails on each of 24 items (1.7 s of CPU per item before the fix) with the page count, and nothing is sent', async () => {
	const pageRange = '1-10000,'.repeat(12_500);
	expect(pageRange.length).toBe(100_000);
	const items = Array.from({ length: 24 }, () => ({ json: {} }));
	const { items: out } = await runOcr({
		parameters: {
			resource: 'textAndTables',
			operation: 'smartDocumentRecognizer',
			inputSource: 'url',
			url: `${FIXTURE_BASE_URL}/contract.pdf`,
			pages: 'range',
			pageRange,
		},
		credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: 'cn-north-4' }),
		items,
		onError: 'continueRegularOutput',
	});
	expect(out).toHaveLength(24);
	for (const [index, item] of out.entries()) {
		expect((item.json.error as { message: string }).message).toBe(
			`The URL is read page by page; reading this Page Range takes 10000 paid Smart Document Recognizer calls, more than Max Pages per Document (20) [item ${index}]`,
		);
	}
	expect(ocrCalls()).toHaveLength(0);
});
