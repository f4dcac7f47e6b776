/**
 * README sections generated from the code they document: the operation catalog, the region
 * matrix, the error hints, the checks per operation and the benchmark figures. `npm run docs` writes them; a unit test fails
 * when the README and the code drift apart.
 */
import { hostingRegions, OPERATIONS, RESOURCES } from '../../nodes/HuaweiCloudOcr/catalog';
import type { FileFormat, OcrOperation } from '../../nodes/HuaweiCloudOcr/catalog/types';
import { checksFor } from '../../nodes/HuaweiCloudOcr/checks';
import { hintFor } from '../../nodes/HuaweiCloud/hints';
import { OCR_REGIONS } from '../../nodes/HuaweiCloud/regions';

const FORMAT_NAMES: Record<FileFormat, string> = {
	jpeg: 'JPEG',
	png: 'PNG',
	bmp: 'BMP',
	tiff: 'TIFF',
	gif: 'GIF',
	webp: 'WEBP',
	pdf: 'PDF',
	ofd: 'OFD',
	pcx: 'PCX',
	ico: 'ICO',
	psd: 'PSD',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function pixelLimits(operation: OcrOperation): string {
	const { minSide, maxSide } = operation.pixels;
	return `${minSide}–${maxSide} px`;
}

export function operationsSection(): string {
	const lines = ['## Operations', ''];
	lines.push(
		`${OPERATIONS.length} operations in ${RESOURCES.length} groups. Formats and pixel limits are checked before any call; ` +
			'where the Chinese-mainland site allows more (General Text: PDF and up to 30000 px), the wider limits apply in its regions.',
		'',
	);
	for (const resource of RESOURCES) {
		lines.push(`### ${resource.name}`, '', '| Operation | What it does | Formats | Sides |', '| --- | --- | --- | --- |');
		for (const operation of OPERATIONS.filter((candidate) => candidate.resource === resource.value)) {
			const formats = operation.fileField === 'none' ? 'fields, no file' : operation.formats.map((f) => FORMAT_NAMES[f]).join(', ');
			const sides = operation.fileField === 'none' ? '—' : pixelLimits(operation);
			lines.push(`| ${operation.name} | ${cell(operation.action)} | ${formats} | ${sides} |`);
		}
		lines.push('');
	}
	return lines.join('\n').trimEnd();
}

export function regionsSection(): string {
	const regions = OCR_REGIONS.filter((region) =>
		OPERATIONS.some((operation) => hostingRegions(operation).includes(region.id)),
	);
	const header = `| Operation | ${regions.map((region) => `${region.name}<br>\`${region.id}\``).join(' | ')} |`;
	const rule = `| --- | ${regions.map(() => ':---:').join(' | ')} |`;
	const rows = OPERATIONS.map((operation) => {
		const hosted = hostingRegions(operation);
		const marks = regions.map((region) => (hosted.includes(region.id) ? (operation.regionsVerified ? '✓' : '?') : ''));
		return `| ${operation.name} | ${marks.join(' | ')} |`;
	});
	return [
		'### Which operation runs in which region',
		'',
		'✓ = offered there; ? = the best-known region, not confirmed by Huawei\'s documentation (the node lets such calls through and explains a "not found" answer). ' +
			'Where a region is ✓-listed elsewhere, calling an operation in a region that does not offer it is stopped before the call, with the regions that do.',
		'',
		header,
		rule,
		...rows,
	].join('\n');
}

/** What each Huawei code means (Huawei's wording, shortened); the fix comes from the node's own hint table. */
const HUAWEI_ERRORS: Array<[string, string]> = [
	['AIS.0101', 'The request body is invalid (options, or both/neither file and URL).'],
	['AIS.0102', 'The file format is not supported, or the Base64 is invalid.'],
	['AIS.0103', 'The image size does not meet the API\'s limits.'],
	['AIS.0104', 'Not the document this API expects, or poor quality.'],
	['AIS.0105', 'Recognition failed.'],
	['APIG.0101', 'The API does not exist here (wrong region, path or project).'],
	['APIG.0106', 'The gateway rejected the request parameters (orchestration error).'],
	['APIG.0201', 'Backend timeout.'],
	['APIG.0301', 'Authentication failed: bad AK/SK signature, a clock more than 15 minutes off, or a bad token.'],
	['APIG.0303', 'Authentication failed: the AK/SK signature or its date is wrong.'],
	['APIG.0305', 'Authentication failed: the access key is not accepted.'],
	['APIG.0307', 'The IAM token must be renewed.'],
	['APIG.0308', 'Throttled: the account is over its request rate.'],
	['ModelArts.0203', 'The IAM token is invalid.'],
	['ModelArts.0212', 'The IAM token is not project-scoped.'],
	['ModelArts.4101', 'The IAM token header is empty.'],
	['ModelArts.4102', 'The IAM token could not be parsed.'],
	['ModelArts.4103', 'The IAM token header is invalid.'],
	['ModelArts.4104', 'The request body is over 10 MB.'],
	['ModelArts.4105', 'The request JSON is malformed.'],
	['ModelArts.4106', 'The account is restricted (arrears or frozen).'],
	['ModelArts.4203', 'The IAM user has no OCR permission.'],
	['ModelArts.4204', 'The API is not subscribed (enabled) in this region.'],
	['ModelArts.4301', 'Platform error (admin token); retried.'],
	['ModelArts.4302', 'Gateway forwarding error; retried.'],
	['ModelArts.4401', 'Too many concurrent requests.'],
	['ModelArts.4402', 'Backend service timeout; retried.'],
	['ModelArts.4403', 'Backend service unavailable; retried.'],
	['ModelArts.4502', 'Backend response error; retried.'],
	['ModelArts.4505', 'Backend internal error; retried.'],
	['ModelArts.4601', 'The URL is not allowed.'],
	['ModelArts.4603', 'Huawei could not download the URL.'],
	['ModelArts.4702', 'No OBS authorization (agency) for OCR.'],
	['ModelArts.4703', 'Invalid OBS URL, or a private object in another region.'],
	['ModelArts.4704', 'The OBS object could not be read.'],
	['ModelArts.4705', 'The OBS object is too large.'],
	['ModelArts.4706', 'The OBS object does not exist.'],
];

const TRANSIENT_FIX = 'Retried automatically; if it persists, retry later.';

/** The node's own codes: what happened and what to do (each error item's hint says it for the case at hand). */
const NODE_ERRORS: Array<[string, string, string]> = [
	['INVALID_INPUT', 'An input or parameter problem found before any paid call (file, URL, OBS object, options, Options → Region).', 'The message names the item and the value; the hint says what to set.'],
	['CREDENTIAL.MISSING_FIELDS', 'Required credential fields are empty.', 'Fill in the fields the message names.'],
	['CREDENTIAL.INVALID_REGION', 'The credential\'s (custom) region is not a region ID, e.g. `evil.example/#`.', 'Use a region ID such as ap-southeast-3 (lower-case letters, digits and hyphens).'],
	['CREDENTIAL.INVALID_ENDPOINT', 'The OCR or IAM Endpoint override is not an http(s) URL, or does not give the expected host.', 'Fix the endpoint field of the credential, or leave it empty for Huawei Cloud\'s public endpoint.'],
	['CREDENTIAL.INVALID_KEYS', 'Huawei rejected the AK/SK signature (found by the credential check or by an OCR call).', 'Check the Access Key ID and Secret Access Key: a pair from My Credentials → Access Keys, without spaces, enabled.'],
	['CREDENTIAL.SECURITY_TOKEN', 'The security token of temporary access keys was rejected (usually expired).', 'Get a new temporary AK/SK and security token together, or use permanent keys.'],
	['CREDENTIAL.CLOCK_SKEW', 'The signature was rejected because this machine\'s clock is more than 15 minutes off.', 'Synchronise the clock of the machine running n8n (NTP).'],
	['CREDENTIAL.INVALID_PASSWORD', 'IAM rejected the sign-in (account name, user name or password).', 'Check Account Name, IAM User Name and Password; users with login MFA must use access keys.'],
	['CREDENTIAL.NO_TOKEN', 'IAM answered without a token.', 'Check that the IAM endpoint override points at Huawei Cloud IAM.'],
	['CREDENTIAL.IAM_UNREACHABLE', 'IAM could not be reached.', 'Check the network, proxy and IAM endpoint override, or fill in Project ID.'],
	['CREDENTIAL.IAM_FORBIDDEN', 'The user may not list IAM projects, and the project is needed (no Project ID, or another region than the credential\'s).', 'Fill in Project ID, or for another region create a credential for that region with its Project ID; or grant IAM read access.'],
	['CREDENTIAL.NO_PROJECT', 'IAM has no project for the region (or the Project ID is unknown).', 'Open the region once in the console, or fix Project ID.'],
	['CREDENTIAL.SEVERAL_PROJECTS', 'IAM lists several projects for the region.', 'Put one of the listed project IDs into Project ID.'],
	['IAM.*', 'An IAM error with its HTTP status, e.g. `IAM.403` (IAM reports codes as statuses).', 'Read the message; the hint names the fix where it is known.'],
	['REQUEST.REDIRECTED', 'An endpoint answered with a redirect (3xx). Signed and token-carrying calls never follow redirects; the message names the Location host.', 'Check the OCR/IAM Endpoint fields of the credential and the proxy.'],
	['REQUEST.FAILED', 'The request failed without an HTTP answer or a known network code.', 'Read the message; check the network and endpoint overrides.'],
	['NETWORK.TIMEOUT', 'No answer within Options → Timeout.', `Raise the timeout or send smaller files. ${TRANSIENT_FIX}`],
	['NETWORK.*', 'A connection failure, e.g. `NETWORK.ECONNRESET`, `NETWORK.ENOTFOUND`.', 'Check the network, proxy and endpoint overrides; resets are retried.'],
	['HTTP.*', 'An HTTP error without a Huawei error body, e.g. `HTTP.502`.', '5xx answers are retried; otherwise check the endpoint overrides.'],
	['RESPONSE.INVALID_JSON', 'A 2xx answer whose body is not JSON.', 'Retry later; check that an endpoint override points at the OCR service.'],
	['UNEXPECTED_ERROR', 'A failure that is not about the input, the credential or Huawei Cloud (a fault in n8n or the node).', 'Retry the item; if it keeps failing, report the message to the node maintainers.'],
	['RESPONSE.NO_RESULT', 'A 2xx answer without a `result` (Huawei bills it all the same).', 'Retry the item; if it happens again, report the request ID to Huawei support.'],
];

export function errorsSection(): string {
	const huaweiRows = HUAWEI_ERRORS.map(([code, meaning]) => {
		const hint = hintFor({ code, message: '' }, { operationName: 'General Text', region: 'ap-southeast-1' }) ?? TRANSIENT_FIX;
		return `| \`${code}\` | ${cell(meaning)} | ${cell(hint)} |`;
	});
	const nodeRows = NODE_ERRORS.map(([code, meaning, fix]) => `| \`${code}\` | ${cell(meaning)} | ${cell(fix)} |`);
	return [
		'Huawei Cloud\'s codes:',
		'',
		'| Code | Meaning | What the node tells you to do (example: General Text in ap-southeast-1) |',
		'| --- | --- | --- |',
		...huaweiRows,
		'',
		'The node\'s own codes (the same fault has the same code whichever check finds it):',
		'',
		'| Code | Meaning | What to do |',
		'| --- | --- | --- |',
		...nodeRows,
		'',
		'Throttling (`APIG.0308`, HTTP 429), backend timeouts (`APIG.0201`), `ModelArts.4301/4302/4401/4402/4403/4502/4505`, 5xx answers, ' +
			'connection resets and timeouts are retried with exponential back-off and jitter (Options → Retry On Throttling and Transient Failures, Max Attempts); ' +
			'business errors (`AIS.*`, `ModelArts.4204`, authentication) fail at once. Input problems found before the call have the code `INVALID_INPUT`.',
	].join('\n');
}

interface BenchRow {
	[column: string]: string | number;
}
interface BenchFile {
	command: string;
	machine: { node: string; cpus: number };
	totalSeconds: number;
	benchmarks: Record<string, { name: string; rows: BenchRow[]; target: string; verdict: string; verdictNote?: string }>;
}

export function performanceSection(results: BenchFile | undefined): string {
	if (!results) return 'Run `npm run bench` to measure.';
	const lines = [
		`Measured with \`${results.command}\` (node ${results.machine.node}, ${results.machine.cpus} cores, ${Math.round(results.totalSeconds)} s in all); ` +
			'the node runs in n8n-core\'s real engine against the emulator (in its own process; its latency is the answer time, ' +
			'with its own work done within it, as at Huawei), and every figure is a ratio within the same run.',
		'',
	];
	for (const benchmark of Object.values(results.benchmarks)) {
		const columns = Object.keys(benchmark.rows[0] ?? {});
		lines.push(
			`**${benchmark.name}** — target: ${benchmark.target} — **${benchmark.verdict}${benchmark.verdictNote ? ` in ${benchmark.verdictNote}` : ''}**`,
			'',
			`| ${columns.join(' | ')} |`,
			`| ${columns.map(() => '---').join(' | ')} |`,
			...benchmark.rows.map((row) => `| ${columns.map((column) => String(row[column])).join(' | ')} |`),
			'',
		);
	}
	return lines.join('\n').trimEnd();
}

/** Every check of every operation, from the checks' own definitions (collapsed per operation). */
export function checksSection(): string {
	const lines: string[] = [];
	for (const resource of RESOURCES) {
		const operations = OPERATIONS.filter((operation) => operation.resource === resource.value);
		const checked = operations.map((operation) => ({ operation, checks: checksFor(operation.id) }));
		const unchecked = checked.filter(({ checks }) => checks.length === 0).map(({ operation }) => operation.name);
		lines.push(`#### ${resource.name}`, '');
		for (const { operation, checks } of checked.filter((entry) => entry.checks.length > 0)) {
			lines.push(
				`<details><summary>${operation.name}: ${checks.length} check${checks.length === 1 ? '' : 's'}</summary>`,
				'',
				'| Check | Field | What it verifies |',
				'| --- | --- | --- |',
				...checks.map((check) => `| \`${check.check}\` | ${cell(check.field)} | ${cell(check.description)} |`),
				'',
				'</details>',
				'',
			);
		}
		if (unchecked.length > 0) lines.push(`No checks (every item passes): ${unchecked.join(', ')}.`, '');
	}
	return lines.join('\n').trimEnd();
}

const SECTIONS: Record<string, (results?: BenchFile) => string> = {
	OPERATIONS: operationsSection,
	REGIONS: regionsSection,
	ERRORS: errorsSection,
	CHECKS: checksSection,
	PERFORMANCE: performanceSection,
};

/** The README with every generated section replaced. */
export function renderReadme(readme: string, results: BenchFile | undefined): string {
	return Object.entries(SECTIONS).reduce((text, [name, render]) => {
		const pattern = new RegExp(`(<!-- BEGIN ${name} -->\\n)[\\s\\S]*?(<!-- END ${name} -->)`);
		if (!pattern.test(text)) throw new Error(`README has no ${name} markers`);
		return text.replace(pattern, (_match, begin: string, end: string) => `${begin}${render(results)}\n${end}`);
	}, readme);
}

export type { BenchFile };
