import type { Base64Field } from '../../HuaweiCloud/base64Field';
import type { FileFormat } from '../catalog/types';

/** Where the file comes from (the Input Source parameter). */
export type InputSource = 'binary' | 'base64' | 'url' | 'obs';

/** A file checked and ready to send as Base64, or a URL the service downloads itself. */
export type ResolvedInput =
	| {
			kind: 'file';
			source: InputSource;
			/** The file itself (a PDF is split from it page by page). */
			bytes: Buffer;
			/** The file as the request's Base64 field (written into the body when it is sent). */
			readonly base64: Base64Field;
			byteLength: number;
			format: FileFormat;
			width?: number;
			height?: number;
			fileName?: string;
			mimeType?: string;
	  }
	| {
			kind: 'url';
			source: InputSource;
			url: string;
	  };

/** What resolveInput needs besides the node parameters. */
export interface ResolveContext {
	/** The region the OCR call goes to (the default OBS region). */
	region: string;
	/** The page the user chose, only when set (the page selector's value, if sent). */
	pageNumber?: number;
	/**
	 * The operation reads PDFs page by page: a PDF is split into single-page PDFs, so the size limit
	 * applies to each page (checked when the page is split), not to the whole file.
	 */
	splitsPdf?: boolean;
	/** Timeout for "Download and Send as Base64", in milliseconds. */
	downloadTimeoutMs?: number;
}
