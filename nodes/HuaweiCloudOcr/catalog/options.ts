import { camelCaseOf } from './define';
import type { OperationOption } from './types';

/** n8n parameter name for a request field: `return_text_location` → `returnTextLocation`. */
export function optionNameOf(field: string): string {
	return camelCaseOf(field.replace(/_/g, '-'));
}

type Choice = { name: string; value: string; description?: string };

function byName(choices: Choice[]): Choice[] {
	return [...choices].sort((a, b) => a.name.localeCompare(b.name));
}

/** A boolean switch; Huawei's default is false unless stated. */
export function flag(
	field: string,
	displayName: string,
	description: string,
	defaultValue = false,
): OperationOption {
	const option: OperationOption = {
		displayName,
		name: optionNameOf(field),
		field,
		description,
		type: 'boolean',
		default: false,
	};
	if (defaultValue) option.default = true;
	return option;
}

/** The option with the mark that tells Check Results it reads what the option asks Huawei for. */
export function readByChecks(option: OperationOption, input: 'confidence' | 'signal'): OperationOption {
	return { ...option, checkInput: input };
}

/** A single choice; `''` stands for "leave the field out" where the service's default is the field's absence. */
export function choice(
	field: string,
	displayName: string,
	description: string,
	defaultValue: string,
	choices: Choice[],
): OperationOption {
	return {
		displayName,
		name: optionNameOf(field),
		field,
		description,
		type: 'options',
		default: defaultValue,
		options: byName(choices),
	};
}

export function multiChoice(
	field: string,
	displayName: string,
	description: string,
	choices: Choice[],
): OperationOption {
	return {
		displayName,
		name: optionNameOf(field),
		field,
		description,
		type: 'multiOptions',
		default: [],
		options: byName(choices),
	};
}

export function pageSelector(field: 'pdf_page_number' | 'page_num'): OperationOption {
	return {
		displayName: 'PDF Page Number',
		name: optionNameOf(field),
		field,
		description: 'Page of a PDF or OFD file to recognize when Pages is First Page, starting at 1. To read several pages, set Pages to All Pages or Page Range.',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		pageSelector: true,
	};
}

// Switches shared by many card, licence and invoice operations.

export const returnTextLocation = flag(
	'return_text_location',
	'Return Text Location',
	'Whether to return the pixel coordinates of each recognized field',
);

export const returnConfidence = readByChecks(
	flag(
		'return_confidence',
		'Return Confidence',
		'Whether to return a confidence score between 0 and 1 for each recognized field. Always requested while Options → Check Results is on.',
	),
	'confidence',
);

/** Tables: Check Results has no rule that reads cell confidence, so it is not requested for them. */
export const returnCellConfidence = flag(
	'return_confidence',
	'Return Confidence',
	'Whether to return a confidence score between 0 and 1 for each recognized cell and text block',
);

export const returnPortraitImage = flag(
	'return_portrait_image',
	'Return Portrait Image',
	'Whether to return the cropped face photo as a Base64 string',
);

export const returnPortraitLocation = flag(
	'return_portrait_location',
	'Return Portrait Location',
	'Whether to return the corner coordinates of the face photo',
);

export const returnAdjustedImage = flag(
	'return_adjusted_image',
	'Return Adjusted Image',
	'Whether to return the straightened and cropped document image as a Base64 string',
);

export function returnIdCardType(
	description = 'Whether to report if the card in the image is an original or a copy',
): OperationOption {
	return alarm('return_idcard_type', 'Return ID Card Type', description);
}

export const returnRectificationMatrix = flag(
	'return_rectification_matrix',
	'Return Rectification Matrix',
	'Whether to return the perspective matrix used to straighten the image',
);

export const detectOrientation = flag(
	'detect_direction',
	'Detect Direction',
	'Whether to detect how the image is rotated (any angle) and read it upright',
);

export const correctTilt = flag(
	'detect_direction',
	'Detect Direction',
	'Whether to detect a tilted image and straighten it before recognition',
);

export const quickMode = flag(
	'quick_mode',
	'Quick Mode',
	'Whether to use the fast mode meant for images holding a single line of text that fills more than half of the image',
);

export const characterMode = flag(
	'character_mode',
	'Character Mode',
	'Whether to also return every single character with its location and confidence',
);

export const eraseSeal = flag(
	'erase_seal',
	'Erase Seals',
	'Whether to remove stamps and seals before recognition so that the text under them can be read',
);

export function singleOrientationMode(serviceDefault: boolean): OperationOption {
	return flag(
		'single_orientation_mode',
		'Single Orientation Mode',
		serviceDefault
			? 'Whether all text runs in one orientation. Turn it off for documents that mix horizontal and vertical text.'
			: 'Whether all text runs in one orientation, which improves accuracy for such images',
		serviceDefault,
	);
}

// Alarm switches of the identity-card operations (quality and forgery checks). Check Results reads
// their findings: an item Huawei raises an alarm for goes to Needs Review.

/** A switch that asks Huawei for one of its own alarms, which Check Results then reads. */
export function alarm(field: string, displayName: string, description: string): OperationOption {
	return readByChecks(flag(field, displayName, description), 'signal');
}

export const detectReproduce = alarm(
	'detect_reproduce',
	'Detect Recapture',
	'Whether to report if the image is a photo of a screen or of another photo',
);

export const detectCopy = alarm(
	'detect_copy',
	'Detect Photocopy',
	'Whether to report if the image is a black-and-white photocopy',
);

export const detectTampering = alarm(
	'detect_tampering',
	'Detect Tampering',
	'Whether to report if the image appears to have been edited',
);

export const detectBorderIntegrity = alarm(
	'detect_border_integrity',
	'Detect Incomplete Border',
	'Whether to report if part of the card border is cut off',
);

export const detectBlockingWithinBorder = alarm(
	'detect_blocking_within_border',
	'Detect Occlusion',
	'Whether to report if something covers part of the card',
);

export const detectBlur = alarm('detect_blur', 'Detect Blur', 'Whether to report if the image is blurred');

export const detectGlare = alarm(
	'detect_glare',
	'Detect Glare',
	'Whether to report glare or reflections on the card',
);

export const detectInterim = alarm(
	'detect_interim',
	'Detect Temporary ID Card',
	'Whether to report if the card is a temporary ID card',
);

export const returnIssuingAuthority = flag(
	'return_issuing_authority',
	'Return Issuing Authority',
	'Whether to also return the issuing authority',
);

export const convertUnicode = flag(
	'convert_unicode',
	'Convert to Unicode',
	'Whether to return Myanmar text in Unicode instead of the Zawgyi encoding',
);

/** Front/back for cards where leaving it out lets the service detect the side. */
export function cardSide(description: string): OperationOption {
	return choice('side', 'Side', description, '', [
		{ name: 'Auto-Detect', value: '' },
		{ name: 'Back', value: 'back' },
		{ name: 'Front', value: 'front' },
	]);
}

/** Main page/duplicate page/both for PRC driving and vehicle licenses (leaving it out means the main page). */
export const licenseSide = choice(
	'side',
	'Side',
	'Which page of the license the image shows',
	'front',
	[
		{ name: 'Back (Duplicate Page)', value: 'back' },
		{ name: 'Both Sides', value: 'double_side', description: 'Both pages in one image' },
		{ name: 'Front (Main Page)', value: 'front' },
	],
);

const LANGUAGES: Array<[string, string]> = [
	['am', 'Amharic'],
	['ar', 'Arabic'],
	['auto', 'Auto-Detect'],
	['da', 'Danish'],
	['de', 'German'],
	['es', 'Spanish'],
	['fr', 'French'],
	['he', 'Hebrew'],
	['hi', 'Hindi'],
	['id', 'Indonesian'],
	['it', 'Italian'],
	['ja', 'Japanese'],
	['km', 'Khmer'],
	['ko', 'Korean'],
	['la', 'Latin'],
	['ms', 'Malay'],
	['no', 'Norwegian'],
	['pl', 'Polish'],
	['pt', 'Portuguese'],
	['ro', 'Romanian'],
	['ru', 'Russian'],
	['sv', 'Swedish'],
	['th', 'Thai'],
	['tr', 'Turkish'],
	['uk', 'Ukrainian'],
	['vi', 'Vietnamese'],
	['zh', 'Chinese and English'],
];

/** The text language; the service default is Chinese and English (`zh`). */
export const language = choice(
	'language',
	'Language',
	'Language of the text. Chinese and English is the service default; Auto-Detect lets the service classify the language.',
	'zh',
	LANGUAGES.map(([value, name]) => ({ name, value })),
);
