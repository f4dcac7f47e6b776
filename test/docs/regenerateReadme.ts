/** Rewrites the README's generated sections in place, from the catalog, hints and bench/results.json. */
import { existsSync, readFileSync, writeFileSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';

import { type BenchFile, renderReadme } from './readmeSections';

/** Regenerates <root>/README.md; returns the bench results it used (undefined when there are none). */
export function regenerateReadme(root: string): BenchFile | undefined {
	const readmePath = join(root, 'README.md');
	const resultsPath = join(root, 'bench', 'results.json');
	const results = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchFile) : undefined;
	writeFileSync(readmePath, renderReadme(readFileSync(readmePath, 'utf8'), results));
	return results;
}
