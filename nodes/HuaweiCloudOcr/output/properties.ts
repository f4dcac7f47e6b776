/** The node parameters that control the output: Simplify, the split mode and the Options entries. */
import type { INodeProperties } from 'n8n-workflow';
import { OPERATIONS } from '../catalog';
import type { OcrOperation, ResultFamily } from '../catalog/types';

/** Values of the `tableOutput` parameter. `document` (one item per response) is the default everywhere. */
export const OUTPUT_MODES = {
	document: 'document',
	tableRows: 'rows',
	listEntries: 'entries',
	detectedDocuments: 'documents',
} as const;

function values(operations: readonly OcrOperation[], include: (op: OcrOperation) => boolean): string[] {
	return operations.filter(include).map((op) => op.value);
}

function ofFamilies(...families: ResultFamily[]): (op: OcrOperation) => boolean {
	return (op) => families.includes(op.result.family);
}

const hasTableGrids = (op: OcrOperation) =>
	op.result.hasTables === true && ofFamilies('table', 'smartDocument')(op);

/** Split modes exist only for operations that can return several rows, entries or documents. */
function outputModeProperties(operations: readonly OcrOperation[]): INodeProperties[] {
	const modes: Array<{ operations: string[]; options: INodeProperties['options'] }> = [
		{
			operations: values(operations, hasTableGrids),
			options: [
				{
					name: 'One Item per Document',
					value: OUTPUT_MODES.document,
					description: 'One item per input file, with its text and every table as rows of cells',
				},
				{
					name: 'One Item per Table Row',
					value: OUTPUT_MODES.tableRows,
					description:
						'One item per table row, keyed by the header row, ready for Google Sheets, Airtable or a CRM. A single-row table gives one item keyed Column 1, Column 2, …; text outside the tables comes last, in one item marked _outsideTables.',
				},
			],
		},
		{
			operations: values(operations, ofFamilies('list')),
			options: [
				{
					name: 'One Item per Document',
					value: OUTPUT_MODES.document,
					description: 'One item per input file, with every entry found in an items list',
				},
				{
					name: 'One Item per Entry',
					value: OUTPUT_MODES.listEntries,
					description: 'One item per entry found (licence plate, register page, receipt)',
				},
			],
		},
		{
			operations: values(operations, (op) => op.result.family === 'classification' && op.result.isArray),
			options: [
				{
					name: 'All Documents in One Item',
					value: OUTPUT_MODES.document,
					description: 'One item per input file, with every detected document in a documents list',
				},
				{
					name: 'One Item per Detected Document',
					value: OUTPUT_MODES.detectedDocuments,
					description: 'One item per detected document, to route by type with a Switch node',
				},
			],
		},
	];
	return modes
		.filter((mode) => mode.operations.length > 0)
		.map((mode) => ({
			displayName: 'Output',
			name: 'tableOutput',
			type: 'options',
			options: mode.options,
			default: 'document',
			description: 'How many items each recognised file produces',
			displayOptions: { show: { operation: mode.operations, simplify: [true] } },
		}));
}

export function outputProperties(operations: readonly OcrOperation[] = OPERATIONS): INodeProperties[] {
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
		},
		...outputModeProperties(operations),
	];
}

/** Entries of the shared Options collection (the node sorts the collection by display name). */
export function outputOptionFields(operations: readonly OcrOperation[] = OPERATIONS): INodeProperties[] {
	const tableOperations = values(operations, (op) => op.result.hasTables === true);
	const fieldLikeOperations = values(operations, ofFamilies('fields', 'list', 'classification', 'verification'));
	const whenTables = { show: { '/operation': tableOperations } };
	return [
		{
			displayName: 'Attach Text File',
			name: 'attachText',
			type: 'boolean',
			default: false,
			description:
				'Whether to attach the recognised text as a .txt file (tables as tab-separated rows). With Return Markdown Result on, General Text attaches its Markdown as a .md file.',
		},
		{
			displayName: 'Text File Binary Field',
			name: 'textBinaryField',
			type: 'string',
			default: 'text',
			description: 'Name of the binary field that receives the text file',
		},
		{
			displayName: 'Attach Excel File',
			name: 'attachExcel',
			type: 'boolean',
			default: false,
			description:
				'Whether to attach the tables as an .xlsx file, one sheet per table with merged cells kept. General Table and Financial Statement attach Huawei\'s own workbook when Return Excel is on.',
			displayOptions: whenTables,
		},
		{
			displayName: 'Excel File Binary Field',
			name: 'excelBinaryField',
			type: 'string',
			default: 'excel',
			description: 'Name of the binary field that receives the Excel file',
			displayOptions: whenTables,
		},
		{
			displayName: 'Attached File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. invoice-2024-03',
			description:
				'Base name of the attached files, without extension. Empty uses the input file name, or the operation when there is none.',
		},
		{
			displayName: 'Include Confidence',
			name: 'includeConfidence',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep the per-field confidence scores (e.g. confidence_surname) in the simplified output',
			displayOptions: { show: { '/simplify': [true], '/operation': fieldLikeOperations } },
		},
		{
			// Its own entry, so the field-like one (pinned for saved v1 workflows) keeps its display rules.
			displayName: 'Include Confidence',
			name: 'includeTableConfidence',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep the cell confidence scores Huawei returns with Return Confidence: a confidence grid beside each table\'s rows, and a confidence_ field per column (e.g. confidence_Price) on row items',
			displayOptions: { show: { '/simplify': [true], '/operation': values(operations, hasTableGrids) } },
		},
		{
			displayName: 'Include Images',
			name: 'includeImages',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep the Base64 images Huawei returns (portrait, adjusted card, seal images) in the simplified output',
			displayOptions: { show: { '/simplify': [true], '/operation': fieldLikeOperations } },
		},
		{
			displayName: 'Neutralize Spreadsheet Formulas',
			name: 'neutralizeFormulas',
			type: 'boolean',
			default: true,
			description:
				"Whether to put a single quote before table cells that start with =, +, -, @, a tab or a line break, in row items and the attached Excel file, so that a spreadsheet shows them as text instead of running them as formulas (plain numbers such as -12.50 are left as they are). Turn off only if the next step needs the exact text and never opens it in a spreadsheet.",
			displayOptions: whenTables,
		},
		{
			displayName: 'Include Request ID and Cost in Rows',
			name: 'includeRowMetadata',
			type: 'boolean',
			default: false,
			description:
				"Whether each row item also gets the flat columns _requestId, _billedAnswers, _attempts and _pages. A file's cost counts on its first row and is 0 on the others, so a sum over the sheet is the bill. Off, rows hold only the table's columns and _table, _row (and page).",
			displayOptions: {
				show: {
					'/simplify': [true],
					'/operation': tableOperations,
					'/tableOutput': [OUTPUT_MODES.tableRows],
					'@version': [{ _cnd: { gte: 1.1 } }],
				},
			},
		},
		{
			displayName: 'Include Locations',
			name: 'includeLocations',
			type: 'boolean',
			default: false,
			description: 'Whether to keep the positions (corner points) of recognised text, fields and tables in the simplified output',
			displayOptions: { show: { '/simplify': [true] } },
		},
	];
}
