/**
 * Which Huawei Cloud the demo talks to. The emulator is the default; the real service needs BOTH the
 * --real flag AND the credentials in environment variables, so neither a stray flag nor variables
 * left in a shell (or a test run) can send sample images to a paid account by accident.
 */

export interface RealCredentials {
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
	securityToken?: string;
	projectId?: string;
}

export type DemoMode = { kind: 'emulator'; recognition: boolean } | ({ kind: 'real' } & RealCredentials);

export interface DemoArguments {
	mode: DemoMode;
	outputDir?: string;
	/** Set when HUAWEICLOUD_* variables exist but --real was not given: the demo says how to use them. */
	ignoredCredentials: boolean;
	help: boolean;
}

export class DemoUsageError extends Error {}

export const ENV = {
	accessKeyId: 'HUAWEICLOUD_AK',
	secretAccessKey: 'HUAWEICLOUD_SK',
	region: 'HUAWEICLOUD_REGION',
	projectId: 'HUAWEICLOUD_PROJECT_ID',
	securityToken: 'HUAWEICLOUD_SECURITY_TOKEN',
} as const;

export const USAGE = `Usage: npm run demo -- [--real] [--out DIR] [--no-recognition]

Runs the sample images in examples/images through the Huawei Cloud OCR node in n8n's engine.

  (no flag)         against the local emulator, with real offline text recognition (tesseract.js)
  --no-recognition  emulator answers from Huawei's documented samples only (fast, deterministic)
  --real            against Huawei Cloud; needs ${ENV.accessKeyId}, ${ENV.secretAccessKey} and ${ENV.region}
                    (optional ${ENV.projectId}; ${ENV.securityToken} for temporary keys).
                    Every image is one billed OCR call; operations your region does not offer are skipped.
  --out DIR         where to write the JSON, TXT and XLSX results (default examples/output)`;

function valueAfter(argv: readonly string[], index: number, flag: string): string {
	const value = argv[index + 1];
	if (value === undefined || value.startsWith('--')) throw new DemoUsageError(`${flag} needs a value.\n\n${USAGE}`);
	return value;
}

export function parseDemoArguments(argv: readonly string[], env: Record<string, string | undefined>): DemoArguments {
	let real = false;
	let recognition = true;
	let help = false;
	let outputDir: string | undefined;
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (arg === '--real') real = true;
		else if (arg === '--no-recognition') recognition = false;
		else if (arg === '--help' || arg === '-h') help = true;
		else if (arg === '--out') outputDir = valueAfter(argv, index++, arg);
		else throw new DemoUsageError(`Unknown argument "${arg}".\n\n${USAGE}`);
	}

	const value = (name: string) => env[name]?.trim() || undefined;
	const hasAnyCredential = [ENV.accessKeyId, ENV.secretAccessKey, ENV.region].some((name) => value(name));
	if (!real) return { mode: { kind: 'emulator', recognition }, outputDir, ignoredCredentials: hasAnyCredential, help };

	const missing = [ENV.accessKeyId, ENV.secretAccessKey, ENV.region].filter((name) => !value(name));
	if (missing.length > 0) {
		throw new DemoUsageError(
			`--real needs your Huawei Cloud credentials in the environment; missing: ${missing.join(', ')}.\n\n${USAGE}`,
		);
	}
	return {
		mode: {
			kind: 'real',
			accessKeyId: value(ENV.accessKeyId) as string,
			secretAccessKey: value(ENV.secretAccessKey) as string,
			region: value(ENV.region) as string,
			projectId: value(ENV.projectId),
			securityToken: value(ENV.securityToken),
		},
		outputDir,
		ignoredCredentials: false,
		help,
	};
}
