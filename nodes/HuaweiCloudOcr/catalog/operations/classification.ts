import { IMAGE_FORMATS, defineOperation } from '../define';
import { alarm, flag, multiChoice, pageSelector } from '../options';
import type { OcrOperation } from '../types';

/** Document types auto-classification recognizes (`type` in its result, keys of `type_list`). */
export const AUTO_CLASSIFICATION_TYPES: Array<{ value: string; name: string }> = [
	{ value: 'bankcard', name: 'Bank Card' },
	{ value: 'bus_ship_ticket', name: 'Bus or Ship Ticket' },
	{ value: 'driver_license', name: 'Driving License' },
	{ value: 'flight_itinerary', name: 'Flight Itinerary' },
	{ value: 'id_card', name: 'PRC ID Card' },
	{ value: 'machine_printed_invoice', name: 'Machine-Printed Invoice' },
	{ value: 'mvs_invoice', name: 'Motor Vehicle Sales Invoice' },
	{ value: 'passport', name: 'Passport' },
	{ value: 'quota_invoice', name: 'Quota Invoice' },
	{ value: 'ride_hailing_itinerary', name: 'Ride-Hailing Itinerary' },
	{ value: 'taxi_invoice', name: 'Taxi Invoice' },
	{ value: 'toll_invoice', name: 'Toll Invoice' },
	{ value: 'train_ticket', name: 'Train Ticket' },
	{ value: 'transportation_license', name: 'Road Transport License' },
	{ value: 'vat_invoice', name: 'VAT Invoice' },
	{ value: 'vehicle_license', name: 'Vehicle License' },
];

export const CLASSIFICATION_OPERATIONS: OcrOperation[] = [
	defineOperation({
		id: 'auto-classification',
		resource: 'classification',
		name: 'Auto Classification',
		action: 'Classify and recognize every document in an image',
		summary:
			'Finds every invoice, ticket and card in one image, tells what each one is and reads it; billed per recognized document',
		formats: [...IMAGE_FORMATS, 'pdf', 'ofd'],
		regions: { cn: ['cn-north-4'] },
		notes: 'OFD files are accepted only for VAT invoices.',
		options: [
			multiChoice(
				'type_list',
				'Document Types',
				'Recognize only these document types. Leave empty for all supported types.',
				AUTO_CLASSIFICATION_TYPES,
			),
			pageSelector('pdf_page_number'),
			{
				displayName: 'Per-Type Parameters (JSON)',
				name: 'extendedParameters',
				field: 'extended_parameters',
				description:
					'JSON object with extra parameters per document type, the same ones the dedicated operation takes, e.g. {"vat_invoice": {"advanced_mode": true}}',
				type: 'json',
				default: '{}',
				placeholder: 'e.g. {"vat_invoice": {"advanced_mode": true}}',
			},
			flag(
				'detect_seal',
				'Detect Seal',
				'Whether to report for each document if it carries a seal (the seal text is not returned)',
			),
		],
		result: { family: 'classification', isArray: true },
	}),
	defineOperation({
		id: 'auto-id-doc-classification',
		resource: 'classification',
		name: 'Auto ID Document Classification',
		action: 'Classify an identity document',
		summary:
			'Tells which kind of identity document an image shows (passport or one of several national ID cards and licenses), with optional quality and forgery checks',
		fileField: 'data',
		regions: { intl: ['ap-southeast-2'] },
		options: [
			alarm(
				'alarm',
				'Detect Quality Issues',
				'Whether to check for blur, glare, occlusion, poor lighting, copies, an incomplete border and recaptures',
			),
		],
	}),
];
