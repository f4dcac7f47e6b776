/** Saves a bench run: bench/results.json, and the README's performance section generated from it. */
import { writeFileSync } from '../test/nodejs/fs.cjs';
import { join } from '../test/nodejs/path.cjs';

import { regenerateReadme } from '../test/docs/regenerateReadme';

/**
 * Writes <root>/bench/results.json and regenerates the README from it in the same step, so the
 * README's drift test (test/unit/docs) passes right after a bench run.
 */
export function saveBenchResults(root: string, results: object): void {
	writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	regenerateReadme(root);
}
