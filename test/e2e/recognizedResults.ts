/**
 * What the emulator "recognizes" in the end-to-end suite for the operations whose assertions need
 * known values (passport fields, the documents of an auto-classification), and real recognition
 * (tesseract) for Smart Document Recognizer, which reads the multi-page example's contract page by
 * page. Other operations get the emulator's built-in sample answers.
 */
import { readFileSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';

import type { RecognizerInput } from '../emulator';
import { PRC_ID_CARD } from '../emulator/documents';
import { createTesseractRecognizer } from '../emulator/recognition';

export const PASSPORT_RESULT = {
	passport_type: 'P',
	country_code: 'UTO',
	passport_number: 'L898902C3',
	nationality: 'UTO',
	surname: 'ERIKSSON',
	given_name: 'ANNA MARIA',
	sex: 'F',
	date_of_birth: '1974-08-12',
	date_of_expiry: '2032-04-15',
	date_of_issue: '2022-04-16',
	place_of_birth: 'ZENITH',
	place_of_issue: 'ZENITH',
	issuing_authority: 'UTOPIA',
	machine_code: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
	machine_code2: 'L898902C36UTO7408122F3204159ZE184226B<<<<<10',
	confidence: { passport_number: 0.9981, surname: 0.9975 },
};

const ok = { error_code: 'AIS.0000', error_msg: 'SUCCESS' };
const corner = (x: number, y: number) => [
	[x, y],
	[x + 100, y],
	[x + 100, y + 60],
	[x, y + 60],
];

export const AUTO_CLASSIFICATION_RESULT = [
	{
		type: 'vat_invoice',
		status: ok,
		content: { code: '3100211130', number: '12345678', issue_date: '2026-03-01', total: '106.00' },
		location: corner(0, 0),
	},
	{ type: 'passport', status: ok, content: { ...PASSPORT_RESULT }, location: corner(0, 100) },
	{
		type: 'train_ticket',
		status: ok,
		content: { ticket_id: 'E123456', departure_station: 'Beijing South', price: '553.00' },
		location: corner(0, 200),
	},
];

/** A general-table result: one table, a header row and three data rows (Huawei's cell shape). */
export const TABLE_ROWS = [
	['Item', 'Quantity', 'Unit Price'],
	['Apples', '3', '1.20'],
	['Pears', '12', '0.85'],
	['Plums', '7', '2.10'],
];

export const GENERAL_TABLE_RESULT = {
	words_region_count: 1,
	words_region_list: [
		{
			type: 'table',
			words_block_count: TABLE_ROWS.length * TABLE_ROWS[0].length,
			words_block_list: TABLE_ROWS.flatMap((cells, row) =>
				cells.map((words, column) => ({ words, confidence: 0.99, rows: [row], columns: [column] })),
			),
		},
	],
};

/**
 * The two scans embedded in the ID document example: the first reads as a good card, the second with
 * a wrong ID number check character (what a misread digit looks like).
 */
const ID_CARD_EXAMPLE_SCANS: string[] = (() => {
	const workflow = JSON.parse(readFileSync(join(module.path, '..', '..', 'examples', 'id-document-needs-review.json'), 'utf8')) as {
		nodes: Array<{ name: string; parameters: { assignments?: { assignments: Array<{ value: string }> } } }>;
	};
	const scans = workflow.nodes.find((node) => node.name === 'Two ID Card Scans')!.parameters.assignments!.assignments[0].value;
	return (JSON.parse(scans) as Array<{ base64: string }>).map((scan) => scan.base64);
})();

export const ID_CARD_RESULTS = [PRC_ID_CARD.good, PRC_ID_CARD.wrongCheckCharacter];

function idCardResult(image: Buffer): unknown {
	const index = ID_CARD_EXAMPLE_SCANS.indexOf(image.toString('base64'));
	return index === -1 ? undefined : ID_CARD_RESULTS[index];
}

/** Real recognition for the pages of a PDF (the multi-page example's contract is vector text the emulator renders). */
const pageReader = createTesseractRecognizer();

export function stopRecognizer(): Promise<void> {
	return pageReader.terminate();
}

export async function recognizer(input: RecognizerInput): Promise<unknown> {
	if (input.operation === 'smart-document-recognizer') return pageReader.recognize(input);
	if (input.operation === 'id-card') return idCardResult(input.image);
	if (input.operation === 'general-table') return GENERAL_TABLE_RESULT;
	if (input.operation === 'passport') return PASSPORT_RESULT;
	if (input.operation === 'auto-classification') return AUTO_CLASSIFICATION_RESULT;
	return undefined;
}
