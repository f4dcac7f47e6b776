/** Look-alike repairs worked into findings, the same way for every check that offers one. */
import type { Repair } from '../primitives/lookAlike';
import type { Finding } from '../types';

/** The finding with the repair's words after its message ("reading 'O' at position 5 as '0' would make it pass") and its value as the suggestion. */
export function withRepair(finding: Finding, repair: Repair | undefined): Finding {
	if (repair === undefined) return finding;
	return {
		...finding,
		message: `${finding.message}; reading '${repair.from}' at position ${repair.position + 1} as '${repair.to}' would make it pass`,
		suggestion: repair.value,
	};
}
