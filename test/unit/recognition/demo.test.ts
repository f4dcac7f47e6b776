/**
 * The demo's emulator path end to end (node in n8n-core's engine → emulator → files on disk), and
 * the guard that keeps it from ever calling the real service without both --real and credentials.
 */
import { spawnSync } from '../../nodejs/child_process.cjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from '../../nodejs/fs.cjs';
import { tmpdir } from '../../nodejs/os.cjs';
import * as path from '../../nodejs/path.cjs';
import process from '../../nodejs/process.cjs';

import { DemoUsageError, parseDemoArguments } from '../../../examples/demo/mode';
import { runDemo } from '../../../examples/demo/runDemo';
import { formatResult } from '../../../examples/demo/summary';
import ExcelJS from 'exceljs';

import { INVOICE, SAMPLE_IMAGES, STATEMENT, TABLE } from '../../../examples/images/samples';

const CREDENTIALS = { HUAWEICLOUD_AK: 'AK', HUAWEICLOUD_SK: 'SK', HUAWEICLOUD_REGION: 'ap-southeast-1' };

describe('demo mode selection', () => {
	it('uses the emulator with recognition by default', () => {
		expect(parseDemoArguments([], {})).toEqual({
			mode: { kind: 'emulator', recognition: true },
			outputDir: undefined,
			ignoredCredentials: false,
			help: false,
		});
	});

	it('ignores credentials in the environment without --real, and says so', () => {
		const args = parseDemoArguments([], CREDENTIALS);
		expect(args.mode.kind).toBe('emulator');
		expect(args.ignoredCredentials).toBe(true);
	});

	it('refuses --real without the credential variables, naming the missing ones', () => {
		expect(() => parseDemoArguments(['--real'], { HUAWEICLOUD_AK: 'AK' })).toThrow(DemoUsageError);
		expect(() => parseDemoArguments(['--real'], { HUAWEICLOUD_AK: 'AK' })).toThrow(
			'missing: HUAWEICLOUD_SK, HUAWEICLOUD_REGION',
		);
	});

	it('uses the real service only with --real and the variables', () => {
		const args = parseDemoArguments(['--real', '--out', '/tmp/x'], { ...CREDENTIALS, HUAWEICLOUD_PROJECT_ID: 'p1' });
		expect(args.mode).toEqual({
			kind: 'real',
			accessKeyId: 'AK',
			secretAccessKey: 'SK',
			region: 'ap-southeast-1',
			projectId: 'p1',
			securityToken: undefined,
		});
		expect(args.outputDir).toBe('/tmp/x');
	});

	it('rejects unknown arguments and a missing --out value', () => {
		expect(() => parseDemoArguments(['--rea'], CREDENTIALS)).toThrow('Unknown argument "--rea"');
		expect(() => parseDemoArguments(['--out'], {})).toThrow('--out needs a value');
	});
});

describe('runDemo against the emulator', () => {
	let outputDir: string;
	beforeEach(() => {
		outputDir = mkdtempSync(path.join(tmpdir(), 'hw-ocr-demo-'));
	});
	afterEach(() => rmSync(outputDir, { recursive: true, force: true }));

	it('runs every sample through the node and writes JSON, TXT and XLSX files', async () => {
		const results = await runDemo({ mode: { kind: 'emulator', recognition: false }, outputDir });

		expect(results.map((result) => [result.image.file, result.operation.id, result.source])).toEqual(
			SAMPLE_IMAGES.map((image) => [image.file, image.operation, expect.stringMatching(/^(sample|template)$/)]),
		);
		for (const result of results) {
			expect(result.error).toBeUndefined();
			expect(result.items.length).toBeGreaterThan(0);
		}
		expect(JSON.parse(readFileSync(path.join(outputDir, 'invoice.json'), 'utf8'))).toEqual(results[0].items);
		expect(readFileSync(path.join(outputDir, 'invoice.txt'), 'utf8')).toBe(results[0].items[0].text);
		expect(readFileSync(path.join(outputDir, 'table.xlsx')).subarray(0, 2).toString()).toBe('PK');
		expect(existsSync(path.join(outputDir, 'passport.json'))).toBe(true);
		expect(readFileSync(path.join(outputDir, '.gitignore'), 'utf8')).toBe('*\n');
		expect(formatResult(results[2], outputDir)).toContain('template answer (not read from the image)');
	});

	it('reads the invoice text, the table cells and the passport MRZ with offline recognition', async () => {
		const images = SAMPLE_IMAGES.filter((image) => ['invoice.png', 'table.png', 'passport.png'].includes(image.file));
		const [invoice, table, passport] = await runDemo({ mode: { kind: 'emulator', recognition: true }, outputDir, images });

		expect(invoice.source).toBe('recognized');
		const text = String(invoice.items[0].text);
		for (const word of ['INVOICE', INVOICE.number, INVOICE.total, INVOICE.seller]) expect(text).toContain(word);

		expect(table.source).toBe('recognized');
		expect(table.items.map((row) => [row.Region, row.Revenue])).toEqual([
			...TABLE.rows.map((row) => [row[0], row[3]]),
			[TABLE.totalLabel, TABLE.total],
		]);
		expect(readFileSync(path.join(outputDir, 'table.txt'), 'utf8')).toContain(TABLE.header.join('\t'));

		expect(passport.source).toBe('recognized');
		expect(passport.items[0]).toMatchObject({
			passport_type: 'P',
			country_code: 'UTO',
			passport_number: 'UA2748193',
			surname: 'SAMPLE',
			given_name: 'JORDAN ALEX',
			sex: 'F',
			date_of_birth: '1985-03-17',
			date_of_expiry: '2034-09-22',
		});
		const summary = formatResult(passport, outputDir);
		expect(summary).toContain('real offline OCR');
		expect(summary).toContain('passport_number: UA2748193');
	}, 120_000);

	it('reads the 3-page scanned PDF with All Pages: one call per page, merged text, TXT over all pages, one sheet for the table over pages 1-2', async () => {
		const images = SAMPLE_IMAGES.filter((image) => image.document);
		const [statement] = await runDemo({ mode: { kind: 'emulator', recognition: true }, outputDir, images });

		expect(statement.source).toBe('recognized');
		const item = statement.items[0];
		expect(item).toMatchObject({ pageCount: 3, pagesRead: [1, 2, 3] });
		const pages = String(item.text).split('\f');
		expect(pages).toHaveLength(3);
		expect(pages[0]).toContain(STATEMENT.number);
		expect(pages[1]).toContain('Toner');
		expect(pages[2]).toContain(STATEMENT.closing[0]);
		expect(readFileSync(path.join(outputDir, 'scanned-statement.txt'), 'utf8')).toMatch(/--- Page 1 ---[\s\S]*--- Page 2 ---[\s\S]*--- Page 3 ---/);

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(path.join(outputDir, 'scanned-statement.xlsx'));
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Table 1 (Pages 1-2)']);
		const rows = workbook.worksheets[0].getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
		expect(rows).toEqual([[...STATEMENT.header], ...STATEMENT.pages[0].map((row) => [...row]), ...STATEMENT.pages[1].map((row) => [...row])]);
		expect(formatResult(statement, outputDir)).toContain('3 pages, one call each');
		// The item's JSON agrees with the workbook: one table over pages 1-2, and what the three calls cost.
		expect(item).toMatchObject({ tableCount: 1, cost: { billedAnswers: 3, attempts: 3, pages: 3 } });
		expect((item.tables as Array<{ rows: unknown }>).map((table) => table.rows)).toEqual([rows]);
		expect(formatResult(statement, outputDir)).toContain('cost: 3 billed answers, 3 attempts, 3 pages');
	}, 120_000);
});

describe('npm run demo', () => {
	it('prints each image\'s cost, rows without checks or request IDs, and no n8n encryption-key line', () => {
		const outputDir = mkdtempSync(path.join(tmpdir(), 'hw-ocr-demo-cli-'));
		try {
			const env = { ...process.env };
			delete env.N8N_ENCRYPTION_KEY;
			delete env.N8N_USER_FOLDER;
			// n8n-core stays quiet under NODE_ENV=test (set by jest); the demo runs without it.
			delete env.NODE_ENV;
			const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'examples/demo.ts', '--no-recognition', '--out', outputDir], {
				cwd: path.join(module.path, '..', '..', '..'),
				encoding: 'utf8',
				env,
			});
			expect(run.status).toBe(0);
			const printed = run.stdout + run.stderr;
			expect(printed).not.toContain('encryption key');
			expect(printed).toContain('cost: 1 billed answer, 1 attempt, 1 page');
			const rows = JSON.parse(readFileSync(path.join(outputDir, 'table.json'), 'utf8')) as Array<Record<string, unknown>>;
			for (const row of rows.filter((candidate) => '_row' in candidate)) {
				expect(row).not.toHaveProperty('checks');
				expect(row).not.toHaveProperty('requestId');
			}
		} finally {
			rmSync(outputDir, { recursive: true, force: true });
		}
	}, 120_000);
});
