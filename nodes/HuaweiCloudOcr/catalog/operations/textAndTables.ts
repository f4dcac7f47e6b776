import {
	ALL_RASTER_FORMATS,
	IMAGE_FORMATS,
	MAX_TOTAL_PIXELS_LARGE,
	defineOperation,
	sides,
} from '../define';
import {
	characterMode,
	choice,
	correctTilt,
	detectOrientation,
	eraseSeal,
	flag,
	language,
	multiChoice,
	pageSelector,
	quickMode,
	returnCellConfidence,
	returnRectificationMatrix,
	singleOrientationMode,
} from '../options';
import type { OcrOperation } from '../types';

const GENERAL_TEXT_CN_REGIONS = ['cn-north-4', 'cn-east-3'];

export const TEXT_AND_TABLE_OPERATIONS: OcrOperation[] = [
	defineOperation({
		id: 'general-text',
		resource: 'textAndTables',
		name: 'General Text',
		action: 'Recognize text in an image or PDF',
		summary: 'Reads all printed text in any orientation, with many languages to choose from',
		// The international page (2024) says 15–8192 px and no PDF; the SDK and the CN docs (2025) say
		// 30000 px, 160 M pixels and PDF. The entry keeps the strict reading; CN regions get the wider one.
		formats: ALL_RASTER_FORMATS,
		pixels: sides(15, 8192),
		regionalLimits: [
			{
				regions: GENERAL_TEXT_CN_REGIONS,
				formats: [...ALL_RASTER_FORMATS, 'pdf'],
				pixels: sides(15, 30000, MAX_TOTAL_PIXELS_LARGE),
				reason: 'The Chinese-mainland docs and the SDK allow PDF and sides up to 30000 px (160 million pixels in total).',
			},
		],
		regions: { cn: GENERAL_TEXT_CN_REGIONS, intl: ['ap-southeast-1'] },
		notes:
			'PDF and sides up to 30000 px are accepted in cn-north-4 and cn-east-3; elsewhere the international limits apply (sides up to 8192 px, no PDF).',
		options: [
			detectOrientation,
			quickMode,
			characterMode,
			language,
			singleOrientationMode(false),
			pageSelector('pdf_page_number'),
			flag(
				'return_markdown_result',
				'Return Markdown Result',
				'Whether to also return the text as one Markdown string (blocks on a line separated by tabs, lines by line breaks): the simplified item gets a markdown field, and Attach Text File writes it as a .md file',
			),
		],
		result: { family: 'text' },
	}),
	defineOperation({
		id: 'general-table',
		resource: 'textAndTables',
		name: 'General Table',
		action: 'Recognize tables in an image',
		summary: 'Reads ruled and borderless tables cell by cell, including merged cells, plus the text around them',
		regions: { cn: ['cn-north-4', 'cn-east-3'], intl: ['ap-southeast-3'] },
		options: [
			flag(
				'return_text_location',
				'Return Text Location',
				'Whether to return the coordinates of text blocks and cells, and the text lines inside each cell',
			),
			{
				...flag(
					'return_char_location',
					'Return Character Location',
					'Whether to return the coordinates of every character. Turns on Return Text Location too.',
				),
				requires: 'returnTextLocation',
			},
			returnCellConfidence,
			flag(
				'return_excel',
				'Return Excel',
				"Whether to have Huawei also return the tables as an Excel (.xlsx) file",
			),
			returnRectificationMatrix,
			flag(
				'with_borders',
				'Ruled Tables Only',
				'Whether the image holds only ruled tables (with cell borders), which recognizes them more accurately; leave off to also find borderless tables',
			),
		],
		result: { family: 'table', hasTables: true, excelField: 'return_excel' },
	}),
	defineOperation({
		id: 'web-image',
		resource: 'textAndTables',
		name: 'Web Image',
		action: 'Recognize text in a web image',
		summary:
			'Reads text in screenshots, banners and other web images, optionally with fonts, contact details and image size',
		formats: ['jpeg', 'png', 'bmp', 'tiff', 'gif', 'webp'],
		pixels: sides(15, 30000, MAX_TOTAL_PIXELS_LARGE),
		regions: {
			cn: ['cn-north-4', 'cn-south-1', 'cn-east-3'],
			intl: ['ap-southeast-2', 'af-south-1'],
		},
		notes: 'af-south-1 is listed only on the international function overview page.',
		options: [
			detectOrientation,
			multiChoice(
				'extract_type',
				'Extract',
				'Structured data to extract besides the text',
				[
					{
						name: 'Contact Information',
						value: 'contact_info',
						description: 'Name, phone number and address',
					},
					{ name: 'Image Size', value: 'image_size', description: 'Height and width in pixels' },
				],
			),
			flag(
				'detect_font',
				'Detect Font',
				'Whether to return the five most similar fonts for each text block',
			),
			flag(
				'detect_text_direction',
				'Detect Text Direction',
				'Whether to detect the direction of every text block. Turn it off when all text is horizontal and upright, which is faster.',
				true,
			),
		],
		result: { family: 'text' },
	}),
	defineOperation({
		id: 'handwriting',
		resource: 'textAndTables',
		name: 'Handwriting',
		action: 'Recognize handwritten text',
		summary: 'Reads handwritten Chinese, letters and digits, optionally restricted to digits or letters',
		pixels: sides(8, 8192),
		regions: { cn: ['cn-north-4'] },
		options: [
			quickMode,
			choice(
				'char_set',
				'Character Set',
				'Which characters the result may contain',
				'general',
				[
					{ name: 'Digits', value: 'digit' },
					{ name: 'Digits and Letters', value: 'digit_letter' },
					{ name: 'General', value: 'general', description: 'Digits, letters and Chinese characters' },
					{ name: 'Letters', value: 'letter', description: 'Upper and lower case' },
				],
			),
			correctTilt,
		],
		result: { family: 'text' },
	}),
	defineOperation({
		id: 'smart-document-recognizer',
		resource: 'textAndTables',
		name: 'Smart Document Recognizer',
		action: 'Parse a document into text, tables and key-value pairs',
		summary:
			'Parses a document page into text plus, on request, key-value pairs, tables, layout, forms and formulas',
		fileField: 'data',
		formats: [...IMAGE_FORMATS, 'pdf'],
		pixels: sides(15, 30000, MAX_TOTAL_PIXELS_LARGE),
		regions: { cn: ['cn-north-4'], intl: ['ap-southeast-1', 'ap-southeast-3'] },
		notes: 'PDF pages are rasterized at 144 dpi; one page per call.',
		options: [
			singleOrientationMode(true),
			language,
			flag('kv', 'Key-Value Pairs', 'Whether to extract key-value pairs such as "Name: Alice"'),
			flag('table', 'Tables', 'Whether to recognize tables with their rows, columns and merged cells'),
			flag('layout', 'Layout', 'Whether to analyse the layout: titles, paragraphs, headers, footers, images and more'),
			{
				...flag(
					'return_excel',
					'Return Excel',
					'Whether to have Huawei also return each table as an Excel (.xlsx) file. Turns on Tables too.',
				),
				requires: 'table',
			},
			flag(
				'form',
				'Forms',
				'Whether to recognize ruled forms whose key information sits in bordered cells',
			),
			flag(
				'formula',
				'Formulas',
				'Whether to recognize formulas (up to three lines each) as LaTeX. This is slower.',
			),
			flag(
				'image_layout',
				'Image Layout',
				'Whether to also analyse the layout of images inside the document',
			),
			{
				displayName: 'Key Renames (JSON)',
				name: 'kvMap',
				field: 'kv_map',
				description:
					'JSON object that renames keys in the key-value result, e.g. {"Name": "FullName"}. It is sent to Huawei as a JSON string.',
				type: 'json',
				default: '{}',
				placeholder: 'e.g. {"Name": "FullName"}',
				jsonAs: 'string',
			},
			eraseSeal,
			pageSelector('pdf_page_number'),
			characterMode,
		],
		result: { family: 'smartDocument', isArray: true, hasTables: true, excelField: 'return_excel' },
	}),
];
