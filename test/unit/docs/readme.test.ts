import { existsSync, readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { type BenchFile, renderReadme } from '../../docs/readmeSections';
import { projectRoot as root } from '../../harness/repositoryFiles';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const resultsPath = join(root, 'bench', 'results.json');
const results = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchFile) : undefined;

it('README sections match the catalog, hints and benchmark results (run `npm run docs` after changing them)', () => {
	expect(readme).toBe(renderReadme(readme, results));
});

it('README lists every operation', () => {
	for (const operation of OPERATIONS) expect(readme).toContain(`| ${operation.name} |`);
});
