/**
 * `npm run emulator [-- --port 8787 --latency 300 --qps 5]`: runs the emulator standalone so a user can
 * point their own n8n at it. Port also from EMULATOR_PORT; Ctrl+C stops it.
 */
import console from '../nodejs/console.cjs';
import process from '../nodejs/process.cjs';

import { startEmulator } from './index';

function flag(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	if (index >= 0) return args[index + 1];
	const inline = args.find((arg) => arg.startsWith(`--${name}=`));
	return inline?.slice(name.length + 3);
}

function numberFlag(name: string, fallback?: string): number | undefined {
	const text = flag(name) ?? fallback;
	if (text === undefined) return undefined;
	const value = Number(text);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${text}"`);
	return value;
}

async function main(): Promise<void> {
	const port = numberFlag('port', process.env.EMULATOR_PORT) ?? 8787;
	const latency = numberFlag('latency');
	const qps = numberFlag('qps');
	const region = flag('region') ?? 'ap-southeast-1';
	const emu = await startEmulator({ port, host: flag('host'), latencyMs: latency, faults: qps ? { qpsLimit: qps } : undefined });
	const account = emu.account;
	const common = { region, ocrEndpoint: emu.url, iamEndpoint: emu.url };
	const print = (title: string, fields: Record<string, string>) => {
		console.log(`\n${title}`);
		for (const [name, value] of Object.entries(fields)) console.log(`  ${name.padEnd(16)} ${value}`);
	};
	console.log(`Huawei Cloud emulator listening on ${emu.url}  (IAM: /v3/…, OCR: /v2/{project_id}/ocr/{operation})`);
	console.log(`Account ${account.domainName}, user ${account.userName}; project ${account.projectIds[region]} (${region}).`);
	console.log('Paste one of these into a "Huawei Cloud API" credential in your n8n (fields by their names):');
	print('AK/SK (authType = accessKey)', { authType: 'accessKey', ...common, accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey });
	print('Temporary AK/SK (authType = temporaryAccessKey)', {
		authType: 'temporaryAccessKey',
		...common,
		accessKeyId: account.temporary.accessKeyId,
		secretAccessKey: account.temporary.secretAccessKey,
		securityToken: account.temporary.securityToken,
	});
	print('IAM password (authType = password)', {
		authType: 'password',
		...common,
		domainName: account.domainName,
		userName: account.userName,
		password: account.password,
	});
	console.log(`\nProject IDs per region: ${JSON.stringify(account.projectIds)}`);
	console.log('These are emulator-only test credentials. Press Ctrl+C to stop.');
	const stop = () => {
		emu.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
