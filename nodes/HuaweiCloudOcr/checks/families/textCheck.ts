/** The common shape of a check that reads one field's text. */
import type { Check, Verdict } from '../types';
import { SKIPPED } from '../types';
import { checkName } from './naming';

/** A check named `family.field` that judges the field's text, and is skipped when the field is empty or missing. */
export function textCheck(family: string, field: string, description: string, judge: (text: string) => Verdict): Check {
	return {
		name: checkName(family, field),
		field,
		description,
		run(view) {
			const text = view.text(field);
			return text === undefined ? SKIPPED : judge(text);
		},
	};
}
