import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';
import type { CheckContext, CheckOutcome } from '../../../nodes/HuaweiCloudOcr/checks';
import { runChecks } from '../../../nodes/HuaweiCloudOcr/checks';
import { sdkShapeProblems } from '../../emulator/ocr/sdkShape';

export const CONTEXT: CheckContext = { today: '2026-11-30', minConfidence: 0.8 };

/** Runs the checks on a result, first making sure Huawei's SDK models allow that result. */
export function check(operationId: string, result: unknown, context: Partial<CheckContext> = {}): CheckOutcome {
	expect(sdkShapeProblems(operationId, result)).toEqual([]);
	return runChecks(operationId, result, { ...CONTEXT, ...context });
}

/** The failed reasons of one check. */
export function reasonsOf(outcome: CheckOutcome, checkName: string) {
	return outcome.failed.filter((reason) => reason.check === checkName);
}

interface Model {
	types: Record<string, string>;
	map: Record<string, string>;
}

const SDK_DIR = join(module.path, '..', '..', 'emulator', 'spec', 'sdk');
const models = JSON.parse(readFileSync(join(SDK_DIR, 'models.json'), 'utf8')) as Record<string, Model>;
const operations = JSON.parse(readFileSync(join(SDK_DIR, 'operations.json'), 'utf8')) as Array<[string, string, string]>;

function collect(type: string, prefix: string, names: Set<string>, depth: number): void {
	const inner = type.replace(/^list\[(.+)\]$/, '$1').replace(/^dict\(str, (.+)\)$/, '$1');
	const model = models[inner];
	if (model === undefined || depth > 5) return;
	for (const [attribute, attributeType] of Object.entries(model.types)) {
		const name = prefix === '' ? model.map[attribute] : `${prefix}_${model.map[attribute]}`;
		names.add(name);
		// Entries of lists keep their own names (item_list[].amount is `amount` inside `item_list`).
		if (/^list\[/.test(attributeType)) collect(attributeType, '', names, depth + 1);
		else collect(attributeType, name, names, depth + 1);
	}
}

/** Every field name of an operation's result, flattened as the simplified output names them. */
export function sdkFieldNames(operationId: string): Set<string> {
	const row = operations.find(([path]) => path.split('/ocr/')[1] === operationId);
	const names = new Set<string>();
	if (row === undefined) return names;
	collect(models[row[2]].types.result, '', names, 0);
	return names;
}
