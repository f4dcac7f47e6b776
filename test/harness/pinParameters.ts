/**
 * Writes the pinned parameters of a node version and of the credential (test/unit/node/pinned/),
 * after a deliberate, non-breaking change such as a new parameter or option:
 *   npx tsx test/harness/pinParameters.ts 1
 * Never re-pin to make a breaking change pass: ship it as a new node version (README "Versioning").
 */
import './preferTypeScriptSources';
import { mkdirSync, writeFileSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';
import console from '../nodejs/console.cjs';
import process from '../nodejs/process.cjs';

import { HuaweiCloudApi } from '../../credentials/HuaweiCloudApi.credentials';
import { HuaweiCloudOcr } from '../../nodes/HuaweiCloudOcr/HuaweiCloudOcr.node';
import { parameterContract, versionsOf } from './parameterContract';

export const PIN_DIR = join(module.path, '..', 'unit', 'node', 'pinned');
export const nodePinFile = (version: number) => join(PIN_DIR, `node-v${version}.json`);
export const CREDENTIAL_PIN_FILE = join(PIN_DIR, 'credential.json');

const write = (file: string, value: object) => writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);

if (require.main === module) {
	const version = Number(process.argv[2]);
	const { description } = new HuaweiCloudOcr();
	if (!versionsOf(description).includes(version)) {
		throw new Error(`Give a node version to pin: one of ${versionsOf(description).join(', ')}`);
	}
	mkdirSync(PIN_DIR, { recursive: true });
	write(nodePinFile(version), parameterContract(description.properties, version));
	write(CREDENTIAL_PIN_FILE, parameterContract(new HuaweiCloudApi().properties));
	console.log(`pinned node v${version} and the credential in ${PIN_DIR}`);
}
