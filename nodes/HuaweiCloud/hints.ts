import type { HuaweiErrorInfo } from './types';

export interface HintContext {
	/** Display name of the OCR API, e.g. `General Text`. */
	operationName?: string;
	region?: string;
	authType?: 'accessKey' | 'temporaryAccessKey' | 'password';
}

type HintBuilder = (info: HuaweiErrorInfo, context: HintContext) => string;

const api = (context: HintContext) => (context.operationName ? `the ${context.operationName} API` : 'this OCR API');
const inRegion = (context: HintContext) => (context.region ? `region ${context.region}` : "the credential's region");

const CHECK_KEYS_OR_CLOCK =
	'Check the Access Key ID and Secret Access Key in the credential (they must be a pair from My Credentials → Access Keys, without spaces), and that the clock of the machine running n8n is within 15 minutes of the real time.';

const OBS_AUTHORIZATION = (_info: HuaweiErrorInfo, context: HintContext) =>
	`In the OCR console of ${inRegion(context)}, authorize OCR to access OBS (OBS Authorization), and keep the bucket in the same region; or use a public-read object or a pre-signed OBS URL.`;

const TOKEN_REFRESH =
	'The credential fetches a new IAM token automatically once; if this persists, check the user name, password and account name, that the user is not disabled, that the account is not in arrears, and that the credential region is the region you call.';

const HINTS: Record<string, HintBuilder> = {
	'ModelArts.4204': (_i, c) =>
		`Enable ${api(c)} in ${inRegion(c)} in the OCR console (Huawei Cloud console → OCR → the API's page → Enable). Each API is enabled per region; packages are not shared across regions.`,
	'APIG.0301': (info, c) =>
		/token/i.test(info.message) && c.authType !== 'accessKey' && !/aksk|signature/i.test(info.message)
			? c.authType === 'temporaryAccessKey'
				? 'The security token of the temporary access key is invalid or has expired: get a new temporary AK/SK and security token, or use permanent access keys.'
				: TOKEN_REFRESH
			: CHECK_KEYS_OR_CLOCK,
	'APIG.0303': () => CHECK_KEYS_OR_CLOCK,
	'APIG.0305': () => CHECK_KEYS_OR_CLOCK,
	'APIG.0307': () => `The IAM token expired, was invalidated (password, keys or permissions changed) or belongs to another region. ${TOKEN_REFRESH}`,
	'APIG.0308': () =>
		'Huawei Cloud is throttling this account: lower "Max Concurrent Requests", keep "Retry On Throttling" on, or ask Huawei Cloud support for a higher limit.',
	'APIG.0101': (_i, c) =>
		`${c.operationName ? `The ${c.operationName} API` : 'This API'} is not available at this endpoint: choose a region that hosts it (${inRegion(c)} does not), or check the OCR endpoint override and the project ID in the credential.`,
	'APIG.0201': () => 'The OCR backend timed out: retry later, send a smaller image, or raise the timeout.',
	'APIG.0106': () => 'The request was rejected by the API gateway: check the operation options.',
	'ModelArts.4702': OBS_AUTHORIZATION,
	'ModelArts.4703': () => 'The OBS URL is invalid: use https://{bucket}.obs.{region}.myhuaweicloud.com/{object}.',
	'ModelArts.4704': OBS_AUTHORIZATION,
	'ModelArts.4705': () => 'The OBS object is too large: the file must stay under 10 MB as Base64 (about 7 MB raw).',
	'ModelArts.4706': () => 'The OBS object does not exist: check the bucket name, the object key and the region.',
	'AIS.0101': () =>
		'The request body is invalid: check the operation options (true/false values, allowed choices), and send exactly one of file or URL.',
	'AIS.0102': () =>
		'The file format is not supported by this API, or the Base64 is invalid: send JPG, PNG, BMP or TIFF (PDF only where the API supports it) as bare Base64 without a "data:" prefix.',
	'AIS.0103': () => 'The image size does not meet this API\'s limits: resize it (see the shortest/longest side limits of the operation).',
	'AIS.0104': () => 'The image is not the document this API expects, or its quality is too poor: check the operation and use a sharper, well-lit scan.',
	'AIS.0105': () => 'Recognition failed: try again once, or use a clearer image.',
	'ModelArts.4104': () => 'The request body is larger than 10 MB: compress or downscale the image (keep the file under about 7 MB).',
	'ModelArts.4105': () => 'The request JSON was malformed.',
	'ModelArts.4603': () =>
		'Huawei Cloud could not download the URL: it must be publicly reachable, fast, and answer with an image content type; or send the file itself.',
	'ModelArts.4601': () => 'This URL is not allowed: use a public http(s) URL or an OBS URL.',
	'ModelArts.0212': () =>
		'The IAM token is not project-scoped: the credential requests project-scoped tokens; check the region and the Project ID in the credential.',
	'ModelArts.0203': () => TOKEN_REFRESH,
	'ModelArts.4101': () => TOKEN_REFRESH,
	'ModelArts.4102': () => TOKEN_REFRESH,
	'ModelArts.4103': () => TOKEN_REFRESH,
	'ModelArts.4106': () => 'The account is restricted (arrears or frozen): check billing in the Billing Center of the Huawei Cloud console, then retry.',
	'ModelArts.4203': () =>
		'This IAM user has no OCR permission: in IAM, add the user to a group with the "OCR FullAccess" (or "OCR ReadOnlyAccess"/Tenant Administrator) policy for this region.',
	'ModelArts.4401': () => 'Too many concurrent requests: lower "Max Concurrent Requests".',
	'RESPONSE.INVALID_JSON': () => 'Huawei Cloud returned a response that is not JSON: retry later; if an endpoint override is set, check it points at the OCR service.',
};

/** The fix for a Huawei error code, in the words of someone who knows the Huawei Cloud console well. */
export function hintFor(info: HuaweiErrorInfo, context: HintContext = {}): string | undefined {
	const builder = HINTS[info.code];
	if (builder) return builder(info, context);
	if (info.code.startsWith('NETWORK.')) {
		return 'Could not reach Huawei Cloud: check the network, proxy and the endpoint overrides in the credential; the request can be retried.';
	}
	const status = info.httpStatus ?? 0;
	if (status >= 500) return 'Huawei Cloud had an internal error: retry later.';
	if (info.code.startsWith('AIS.')) return 'Huawei Cloud could not process this input: check the file and the operation options.';
	return undefined;
}
