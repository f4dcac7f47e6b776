/**
 * Lean answers: what Huawei may send for the same recognition. Every field its SDK model marks optional
 * may be left out or sent as `null`; required fields stay. Seeded, so a failing run can be replayed.
 */
import { sdkFields, sdkResultType, walkSdkObjects } from '../spec/sdkModels';
import type { LeanAnswers } from '../types';

export const DEFAULT_OMIT_RATE = 0.3;
export const DEFAULT_NULL_RATE = 0.2;

/**
 * Drops or nulls optional fields of `result` in place (results are built fresh per request).
 * Returns how many fields it changed.
 */
export function leanResult(operationId: string, result: unknown, settings: LeanAnswers, random: () => number): number {
	const type = sdkResultType(operationId);
	if (type === undefined) return 0;
	let changed = 0;
	const omitRate = settings.omitRate ?? DEFAULT_OMIT_RATE;
	const nullRate = settings.nullRate ?? DEFAULT_NULL_RATE;
	walkSdkObjects(result, type, (object, className) => {
		for (const field of sdkFields(className)) {
			if (!field.optional || !(field.name in object)) continue;
			const draw = random();
			if (draw < omitRate) delete object[field.name];
			else if (draw < omitRate + nullRate) object[field.name] = null;
			else continue;
			changed += 1;
		}
	});
	return changed;
}
