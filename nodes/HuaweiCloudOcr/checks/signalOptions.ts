/** The request options whose answers the checks read, among those the operation offers. */
import { OPERATIONS } from '../catalog';
import { ALARM_OPTION } from './families/signals';
import { rulesFor } from './rules';

function wantedOptions(operationId: string): Set<string> {
	const rules = rulesFor(operationId);
	const wanted = new Set<string>();
	if (rules === undefined) return wanted;
	for (const kind of rules.alarms ?? []) wanted.add(ALARM_OPTION[kind]);
	if ((rules.alarms ?? []).length > 0) wanted.add('alarm');
	const names = new Set((rules.checks ?? []).map((check) => check.name));
	if (names.has('huawei.verification')) wanted.add('return_verification');
	if (names.has('huawei.idcardType')) wanted.add('return_idcard_type');
	if (rules.confidence !== undefined) wanted.add('return_confidence');
	return wanted;
}

export function huaweiSignalFields(operationId: string): string[] {
	const operation = OPERATIONS.find((candidate) => candidate.id === operationId);
	if (operation === undefined) return [];
	const wanted = wantedOptions(operationId);
	return operation.options.map((option) => option.field).filter((field) => wanted.has(field));
}
