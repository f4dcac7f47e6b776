/**
 * Huawei error answers. Codes and messages are the ones quoted in the reference (§4, samples/error.json).
 * HTTP statuses: 400 for AIS.* business errors and 404 for APIG.0101 are documented; the others are the
 * "likely" statuses the reference names (401 auth, 429 throttling, 504 backend timeout) — unverified for OCR.
 */

export type ErrorShape = 'ocr' | 'apig' | 'iam';

export class HuaweiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly shape: ErrorShape = 'ocr',
		/** Our own words for the request log (never sent). */
		readonly reason?: string,
	) {
		super(message);
	}
}

/** Gateway errors (APIG.*) carry request_id in the body; OCR errors only error_code/error_msg; IAM its own shape. */
export function errorBody(error: HuaweiError, requestId: string): Record<string, unknown> {
	if (error.shape === 'iam') {
		return { error: { code: error.status, message: error.message, title: iamTitle(error.status) } };
	}
	const body: Record<string, unknown> = { error_code: error.code, error_msg: error.message };
	if (error.shape === 'apig') body.request_id = requestId;
	return body;
}

function iamTitle(status: number): string {
	if (status === 401) return 'Unauthorized';
	if (status === 403) return 'Forbidden';
	if (status === 404) return 'Not Found';
	return 'Bad Request';
}

const AUTH_PREFIX = 'Incorrect IAM authentication information: ';

export const errors = {
	apiNotFound: () =>
		new HuaweiError(404, 'APIG.0101', 'The API does not exist or has not been published in the environment.', 'apig'),
	/** AK/SK and token failures share APIG.0301; the detail after the colon tells them apart. */
	auth: (detail: string, reason: string) => new HuaweiError(401, 'APIG.0301', AUTH_PREFIX + detail, 'apig', reason),
	// Status assumed: the reference pairs token refresh with 401.
	tokenMustBeUpdated: (reason: string) =>
		new HuaweiError(401, 'APIG.0307', 'The token must be updated.', 'apig', reason),
	// Status unverified; ModelArts.0212 is an authentication failure, so 401.
	tokenNotProjectScoped: () =>
		new HuaweiError(401, 'ModelArts.0212', 'Invalid Token header. The Token not contain project item.', 'ocr', 'token-not-project-scoped'),
	// Status unverified; "not subscribed" is a permission problem, so 403.
	notSubscribed: (operation: string) =>
		new HuaweiError(403, 'ModelArts.4204', `Request api error! The API ${operation} is not subscribed.`),
	throttled: (limit: number) =>
		new HuaweiError(
			429,
			'APIG.0308',
			`The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:1 second`,
			'apig',
		),
	backendTimeout: () => new HuaweiError(504, 'APIG.0201', 'Backend timeout.', 'apig'),
	contentLength: () => new HuaweiError(400, 'ModelArts.4104', 'Invalid Request Content Length.'),
	badJson: () => new HuaweiError(400, 'ModelArts.4105', 'The JSON format of the input data is incorrect.'),
	invalidParameter: (reason: string) =>
		new HuaweiError(400, 'AIS.0101', 'The input parameter is invalid.', 'ocr', reason),
	unsupportedFormat: (reason: string) =>
		new HuaweiError(400, 'AIS.0102', 'The image format is not supported.', 'ocr', reason),
	imageSize: (reason: string) =>
		new HuaweiError(400, 'AIS.0103', 'The image size does not meet the requirements.', 'ocr', reason),
	recognitionFailed: (reason: string) => new HuaweiError(400, 'AIS.0105', 'Recognition failed.', 'ocr', reason),
	urlDownload: (reason: string) =>
		new HuaweiError(400, 'ModelArts.4603', 'Obtaining the file from the URL failed.', 'ocr', reason),
	obsAgency: () => new HuaweiError(400, 'ModelArts.4702', 'Query Obs agency failed.'),
	obsUrl: (reason: string) => new HuaweiError(400, 'ModelArts.4703', 'The OBS URL is invalid.', 'ocr', reason),
	obsRead: (reason: string) =>
		new HuaweiError(400, 'ModelArts.4704', 'Obtaining the file from the OBS failed.', 'ocr', reason),
	obsTooLarge: () => new HuaweiError(400, 'ModelArts.4705', 'The OBS file is too large.'),
	obsMissing: () => new HuaweiError(400, 'ModelArts.4706', 'The OBS file does not exist.'),
};
