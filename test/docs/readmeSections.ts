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

/** What each code means (Huawei's wording, shortened); the fix comes from the node's own hint table. */
const ERROR_MEANINGS: Array<[string, string]> = [
	['AIS.0101', 'The request body is invalid (options, or both/neither file and URL).'],
	['AIS.0102', 'The file format is not supported, or the Base64 is invalid.'],
	['AIS.0103', 'The image size does not meet the API\'s limits.'],
	['AIS.0104', 'Not the document this API expects, or poor quality.'],
	['AIS.0105', 'Recognition failed.'],
	['APIG.0101', 'The API does not exist here (wrong region, path or project).'],
	['APIG.0201', 'Backend timeout.'],
	['APIG.0301', 'Authentication failed: bad AK/SK signature, a clock more than 15 minutes off, or a bad token.'],
	['APIG.0307', 'The IAM token must be renewed.'],
	['APIG.0308', 'Throttled: the account is over its request rate.'],
	['ModelArts.0212', 'The IAM token is not project-scoped.'],
	['ModelArts.4104', 'The request body is over 10 MB.'],
	['ModelArts.4203', 'The IAM user has no OCR permission.'],
	['ModelArts.4204', 'The API is not subscribed (enabled) in this region.'],
	['ModelArts.4401', 'Too many concurrent requests.'],
	['ModelArts.4603', 'Huawei could not download the URL.'],
	['ModelArts.4702', 'No OBS authorization (agency) for OCR.'],
	['ModelArts.4703', 'Invalid OBS URL, or a private object in another region.'],
	['ModelArts.4704', 'The OBS object could not be read.'],
	['ModelArts.4705', 'The OBS object is too large.'],
	['ModelArts.4706', 'The OBS object does not exist.'],
];

export function errorsSection(): string {
	const rows = ERROR_MEANINGS.map(([code, meaning]) => {
		const hint = hintFor({ code, message: '' }, { operationName: 'General Text', region: 'ap-southeast-1' }) ?? '';
		return `| \`${code}\` | ${cell(meaning)} | ${cell(hint)} |`;
	});
	return [
		'| Code | Meaning | What the node tells you to do (example: General Text in ap-southeast-1) |',
		'| --- | --- | --- |',
		...rows,
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
	benchmarks: Record<string, { name: string; rows: BenchRow[]; target: string; verdict: string }>;
}

export function performanceSection(results: BenchFile | undefined): string {
	if (!results) return 'Run `npm run bench` to measure.';
	const lines = [
		`Measured with \`npm run bench\` (node ${results.machine.node}, ${results.machine.cpus} cores, ${Math.round(results.totalSeconds)} s in all); ` +
			'the node runs in n8n-core\'s real engine against the emulator, and every figure is a ratio within the same run.',
		'',
	];
	for (const benchmark of Object.values(results.benchmarks)) {
		const columns = Object.keys(benchmark.rows[0] ?? {});
		lines.push(
			`**${benchmark.name}** — target: ${benchmark.target} — **${benchmark.verdict}**`,
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
