/** Lean answers: optional fields (by Huawei's SDK models) left out or null at random, reproducibly; required ones kept. */
import { startEmulator, type Emulator } from '../../emulator';
import { leanResult } from '../../emulator/ocr/lean';
import { seededRandom } from '../../emulator/faults';
import { b64, PNG } from './files';
import { ocr, type Json } from './helpers';

/** General Table: words_region_count/list and each region's type/count/list are required by the SDK; cell fields are optional. */
function tableResult(): Json {
	const cell = (words: string, row: number) => ({ words, confidence: 0.9, rows: [row], columns: [0], location: [[0, 0]] });
	return {
		words_region_count: 1,
		words_region_list: [
			{ type: 'table', words_block_count: 20, words_block_list: Array.from({ length: 20 }, (_unused, row) => cell(`c${row}`, row)) },
		],
		excel: 'UEsDBA==',
	};
}

const OPTIONAL_CELL_FIELDS = ['words', 'confidence', 'rows', 'columns', 'location'];

describe('leanResult', () => {
	it('leaves out or nulls optional fields only, and keeps every required one', () => {
		const lean = tableResult();
		const changed = leanResult('general-table', lean, { seed: 3 }, seededRandom(3));
		expect(lean.words_region_count).toBe(1);
		const [region] = lean.words_region_list;
		expect(region).toMatchObject({ type: 'table', words_block_count: 20 });
		const cells: Json[] = region.words_block_list;
		expect(cells).toHaveLength(20);
		const slots = cells.flatMap((cell) => OPTIONAL_CELL_FIELDS.map((field) => (field in cell ? (cell[field] === null ? 'null' : 'kept') : 'left out')));
		expect(slots.filter((slot) => slot === 'left out').length).toBeGreaterThan(10);
		expect(slots.filter((slot) => slot === 'null').length).toBeGreaterThan(5);
		expect(slots.filter((slot) => slot === 'kept').length).toBeGreaterThan(30);
		expect(changed).toBe(slots.filter((slot) => slot !== 'kept').length + (lean.excel === 'UEsDBA==' ? 0 : 1));
	});

	it('is reproducible from its seed and changes with it', () => {
		const run = (seed: number) => {
			const result = tableResult();
			leanResult('general-table', result, { seed }, seededRandom(seed));
			return result;
		};
		expect(run(11)).toEqual(run(11));
		expect(run(11)).not.toEqual(run(12));
	});

	it('follows the rates: 0 changes nothing, 1 leaves every optional field out', () => {
		const untouched = tableResult();
		expect(leanResult('general-table', untouched, { seed: 1, omitRate: 0, nullRate: 0 }, seededRandom(1))).toBe(0);
		expect(untouched).toEqual(tableResult());
		const bare = tableResult();
		expect(leanResult('general-table', bare, { seed: 1, omitRate: 1, nullRate: 0 }, seededRandom(1))).toBe(101);
		expect(bare.excel).toBeUndefined();
		expect(bare.words_region_list[0].words_block_list[0]).toEqual({});
	});
});

describe('emulator with leanAnswers', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(() => emu.stop());

	it('answers leanly while switched on, and fully again after resetFaults', async () => {
		const body = { image: b64(PNG), return_confidence: true };
		const full = (await ocr(emu, 'general-table', body)).json.result;
		emu.setFaults({ leanAnswers: { seed: 5, omitRate: 0.5, nullRate: 0.5 } });
		const lean = (await ocr(emu, 'general-table', body)).json.result;
		expect(emu.requests.at(-1)?.leanChanges).toBeGreaterThan(0);
		expect(lean.words_region_list.map((region: Json) => region.type)).toEqual(full.words_region_list.map((region: Json) => region.type));
		expect(JSON.stringify(lean)).not.toEqual(JSON.stringify(full));
		expect(JSON.stringify(lean)).toContain('null');
		emu.resetFaults();
		expect((await ocr(emu, 'general-table', body)).json.result).toEqual(full);
	});

	it('answers 200 without a result for the missingResult fault', async () => {
		emu.failNext('missingResult');
		const answer = await ocr(emu, 'general-table', { image: b64(PNG) });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({});
		expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
	});
});
