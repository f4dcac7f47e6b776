/**
 * The OCR catalog: one entry per Huawei Cloud OCR operation, as data.
 * The node description, the pre-flight checks, the request body and the output shaping are all driven
 * from these entries, so adding an operation means adding one entry (and its test).
 */

/** File formats we can recognise from magic bytes. */
export type FileFormat =
	| 'jpeg'
	| 'png'
	| 'bmp'
	| 'tiff'
	| 'gif'
	| 'webp'
	| 'pdf'
	| 'ofd'
	| 'pcx'
	| 'ico'
	| 'psd';

/** Huawei Cloud account site: the Chinese-mainland site or the international site. */
export type Site = 'cn' | 'intl';

/** The node's resources (groups of operations shown in the editor). */
export type ResourceId =
	| 'textAndTables'
	| 'identityDocument'
	| 'vehicle'
	| 'invoiceAndReceipt'
	| 'businessDocument'
	| 'classification';

/** Where the file goes in the request body: `image` for most, `data` for four, none for invoice verification. */
export type FileField = 'image' | 'data' | 'none';

export interface PixelLimits {
	/** Shortest side must be at least this many pixels. */
	minSide: number;
	/** Longest side must be at most this many pixels. */
	maxSide: number;
	/** width × height must not exceed this, when the API states it. */
	maxTotalPixels?: number;
}

/**
 * One n8n parameter that maps to one request-body field.
 * Booleans and options are sent only when the user changed them from the service default
 * (so the request body stays what Huawei documents), unless `alwaysSend` is set.
 */
export interface OperationOption {
	/** n8n parameter name, camelCase, e.g. `detectDirection`. Unique within the operation. */
	name: string;
	/** Request-body field, e.g. `detect_direction`. */
	field: string;
	/** Title Case label, e.g. `Detect Direction`. */
	displayName: string;
	/** Sentence; booleans start with "Whether". Ends with a period. */
	description: string;
	type: 'boolean' | 'string' | 'number' | 'options' | 'multiOptions' | 'json';
	/** The n8n default, which is the service's own default. */
	default: boolean | string | number | string[] | object;
	/** For options / multiOptions. Sorted by name. */
	options?: Array<{ name: string; value: string; description?: string }>;
	typeOptions?: { minValue?: number; maxValue?: number; numberPrecision?: number };
	placeholder?: string;
	/** Required fields (invoice verification) are top-level parameters, not inside the Options collection. */
	required?: boolean;
	/** This option selects a page of a PDF/OFD input (pre-flight allows it only for PDF input). */
	pageSelector?: boolean;
	/** `name` of the option this one needs, e.g. returnCharLocation needs returnTextLocation; the request turns that one on too. */
	requires?: string;
	/** Send the value even when it equals the default. */
	alwaysSend?: boolean;
	/** Shown as its own top-level parameter rather than inside Recognition Options (implied by `required`). */
	topLevel?: boolean;
	/** For `json` options: send the parsed object (default) or the JSON re-serialised as a string (e.g. `kv_map`). */
	jsonAs?: 'object' | 'string';
	/** For `string` options: the value must match this pattern; `example` shows the expected form. */
	pattern?: { regex: RegExp; example: string };
	/**
	 * What Check Results reads from the answer this option asks for. `confidence`: sent automatically
	 * while Check Results is on (fields below Minimum Confidence need review). `signal`: one of Huawei's
	 * own alarms (copy, recapture, tampering, …), sent only when the user turns it on; its finding
	 * sends the item to Needs Review.
	 */
	checkInput?: 'confidence' | 'signal';
}

/**
 * Limits that differ in some regions, e.g. general-text accepts PDF and 30000 px on the Chinese-mainland
 * site but only 8192 px and no PDF on the international page. The entry's own `formats`/`pixels` are the
 * safe side; these entries relax them for the listed regions (see `operationForRegion`).
 */
export interface RegionalLimits {
	regions: string[];
	formats: FileFormat[];
	pixels: PixelLimits;
	/** Why these regions differ (shown in notes/docs). */
	reason: string;
}

/**
 * How the result is shaped when Simplify is on.
 * - text: words blocks → `text`, `lines`, `direction`
 * - table: general-table regions → grid/rows (+ Huawei's own Excel)
 * - smartDocument: array of page parts (ocr/kv/table/layout/form/formula) → text, kv map, tables
 * - fields: card/licence/invoice object → one flat item of named fields
 * - list: an array of found objects (licence plates, household register pages) → `items` array of flat objects
 * - classification: auto-classification array → one entry per document with type + flat fields
 * - verification: invoice verification result → flat fields
 */
export type ResultFamily =
	| 'text'
	| 'table'
	| 'smartDocument'
	| 'fields'
	| 'list'
	| 'classification'
	| 'verification';

export interface OcrOperation {
	/** Path segment after `/ocr/`, e.g. `general-text`. Also the stable id. */
	id: string;
	/** n8n operation value, camelCase of id, e.g. `generalText`. */
	value: string;
	resource: ResourceId;
	/** Option name in the Operation dropdown, Title Case, e.g. `Passport`. */
	name: string;
	/** Sentence-case action, e.g. `Recognize a passport`. */
	action: string;
	/** One sentence shown under the option. */
	description: string;
	fileField: FileField;
	formats: FileFormat[];
	pixels: PixelLimits;
	/** Max length of the Base64 text in bytes. */
	maxBase64Length: number;
	/** Which site(s) offer it and in which regions. */
	sites: Site[];
	regions: { cn: string[]; intl: string[] };
	/** False where the reference marks the regions unverified. */
	regionsVerified: boolean;
	options: OperationOption[];
	result: {
		family: ResultFamily;
		/** Whether `result` is an array rather than an object. */
		isArray: boolean;
		/** Whether the result can carry tables (enables the Excel attachment). */
		hasTables?: boolean;
		/** Request field that asks Huawei for its own Base64 .xlsx (general-table, financial-statement, smart document). */
		excelField?: string;
	};
	/** Extra human notes surfaced in the description/hint (e.g. "OFD only for railway e-tickets"). */
	notes?: string;
	/** Region-specific limits that replace `formats`/`pixels` in those regions. */
	regionalLimits?: RegionalLimits[];
}
