import ExcelJS from 'exceljs';
import { buildGrid } from '../../../nodes/HuaweiCloudOcr/output/grid';
import { buildXlsx, columnLetters, nonOverlappingMerges, uniqueSheetNames } from '../../../nodes/HuaweiCloudOcr/output/xlsx';
import { buildStoredZip, crc32 } from '../../../nodes/HuaweiCloudOcr/output/zip';

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook;
}

function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
	const rows: unknown[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
		rows[rowNumber - 1] = (row.values as unknown[]).slice(1);
	});
	return rows;
}

describe('crc32', () => {
	it('matches the standard check value', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		expect(crc32(Buffer.alloc(0))).toBe(0);
	});
});

describe('buildStoredZip', () => {
	it('writes stored entries whose data and CRC can be found in the archive', () => {
		const zip = buildStoredZip([
			{ name: 'a.txt', data: Buffer.from('hello') },
			{ name: 'dir/数据.xml', data: Buffer.from('<x/>') },
		]);
		expect(zip.readUInt32LE(0)).toBe(0x04034b50);
		expect(zip.readUInt16LE(8)).toBe(0); // method: stored
		expect(zip.readUInt32LE(14)).toBe(crc32(Buffer.from('hello')));
		expect(zip.subarray(30, 35).toString()).toBe('a.txt');
		expect(zip.subarray(35, 40).toString()).toBe('hello');
		const end = zip.length - 22;
		expect(zip.readUInt32LE(end)).toBe(0x06054b50);
		expect(zip.readUInt16LE(end + 10)).toBe(2);
		expect(zip.includes(Buffer.from('dir/数据.xml'))).toBe(true);
	});
});

describe('columnLetters', () => {
	it('counts like spreadsheet columns', () => {
		expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
			'A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA',
		]);
	});
});

describe('uniqueSheetNames', () => {
	it('removes forbidden characters, shortens to 31 and de-duplicates regardless of case', () => {
		const names = uniqueSheetNames([
			'Q1/Q2 [draft]: *totals?',
			'Table',
			'table',
			'',
			"'quoted'",
			'A very long sheet name that goes on and on',
			'A very long sheet name that goes on and on',
			'History',
		]);
		expect(names[0]).toBe('Q1 Q2 draft totals');
		expect(names[1]).toBe('Table');
		expect(names[2]).toBe('table (2)');
		expect(names[3]).toBe('Sheet4');
		expect(names[4]).toBe('quoted');
		expect(names[5]).toHaveLength(31);
		expect(names[6]).toHaveLength(31);
		expect(names[6].endsWith(' (2)')).toBe(true);
		expect(names[7]).toBe('Sheet8');
		for (const name of names) expect(name).not.toMatch(/[[\]:*?/\\]/);
	});
});

describe('buildXlsx read back with exceljs', () => {
	it('keeps cell values as text, merges, several sheets, XML-special and CJK characters', async () => {
		const merged = buildGrid([
			{ words: '项目 & <Item>', rows: [0], columns: [0] },
			{ words: 'Amount "USD"', rows: [0], columns: [1, 2] },
			{ words: 'Coffee', rows: [1, 2], columns: [0] },
			{ words: '007', rows: [1], columns: [1] },
			{ words: '1,5', rows: [1], columns: [2] },
			{ words: '=SUM(A1)', rows: [2], columns: [1] },
			{ words: 'ok\u0001\uFFFE', rows: [2], columns: [2] },
		]);
		const buffer = buildXlsx([
			{ name: 'Table 1', rows: merged.rows, merges: merged.merges },
			{ name: 'Table 1', rows: [['second'], ['', 'B2']] },
		]);
		const workbook = await readWorkbook(buffer);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Table 1', 'Table 1 (2)']);

		const first = workbook.worksheets[0];
		expect(first.getCell('A1').value).toBe('项目 & <Item>');
		expect(first.getCell('B1').value).toBe('Amount "USD"');
		expect(first.getCell('A2').value).toBe('Coffee');
		expect(first.getCell('B2').value).toBe('007');
		expect(first.getCell('C2').value).toBe('1,5');
		expect(first.getCell('B3').value).toBe('=SUM(A1)');
		expect(first.getCell('B3').type).toBe(ExcelJS.ValueType.String);
		expect(first.getCell('C3').value).toBe('ok');
		const merges = (first.model as unknown as { merges: string[] }).merges;
		expect([...merges].sort()).toEqual(['A2:A3', 'B1:C1']);
		expect(first.getCell('C1').isMerged).toBe(true);
		expect(first.getCell('C1').master.address).toBe('B1');

		const second = workbook.worksheets[1];
		expect(sheetValues(second)).toEqual([['second'], [undefined, 'B2']]);
	});

	it('writes a workbook with one empty sheet when there are no tables', async () => {
		const workbook = await readWorkbook(buildXlsx([]));
		expect(workbook.worksheets).toHaveLength(1);
		expect(workbook.worksheets[0].rowCount).toBe(0);
	});

	it('drops merged ranges that overlap an earlier one, which Excel would reject', async () => {
		const first = { top: 0, left: 0, bottom: 1, right: 1 };
		const overlapping = { top: 1, left: 1, bottom: 2, right: 2 };
		const separate = { top: 3, left: 0, bottom: 3, right: 2 };
		expect(nonOverlappingMerges([first, overlapping, separate])).toEqual([first, separate]);
		const rows = Array.from({ length: 4 }, (_, r) => ['a', 'b', 'c'].map((c) => `${c}${r + 1}`));
		const workbook = await readWorkbook(buildXlsx([{ name: 'T', rows, merges: [first, overlapping, separate] }]));
		const merges = (workbook.worksheets[0].model as unknown as { merges: string[] }).merges;
		expect([...merges].sort()).toEqual(['A1:B2', 'A4:C4']);
		expect(workbook.worksheets[0].getCell('C3').value).toBe('c3');
	});

	it('is deterministic: the same tables give the same bytes', () => {
		const sheets = [{ name: 'T', rows: [['a', 'b']] }];
		expect(buildXlsx(sheets).equals(buildXlsx(sheets))).toBe(true);
	});
});
