/** `npm run bench` keeps the README in step with the figures it writes, so `npm test` passes after it. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from '../../nodejs/fs.cjs';
import { tmpdir } from '../../nodejs/os.cjs';
import { join } from '../../nodejs/path.cjs';

import { saveBenchResults } from '../../../bench/results';
import { type BenchFile, renderReadme } from '../../docs/readmeSections';
import { projectRoot as root } from '../../harness/repositoryFiles';


describe('saving bench results', () => {
	let copy: string;

	beforeEach(() => {
		copy = mkdtempSync(join(tmpdir(), 'hwocr-bench-readme-'));
		mkdirSync(join(copy, 'bench'));
		cpSync(join(root, 'README.md'), join(copy, 'README.md'));
	});

	afterEach(() => rmSync(copy, { recursive: true, force: true }));

	it('writes results.json and regenerates the README performance section from the new figures', () => {
		const previous = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8')) as BenchFile;
		const fresh: BenchFile = { ...previous, totalSeconds: 4242, machine: { ...previous.machine, cpus: 97 } };

		saveBenchResults(copy, fresh);

		expect(JSON.parse(readFileSync(join(copy, 'bench', 'results.json'), 'utf8'))).toEqual(fresh);
		const readme = readFileSync(join(copy, 'README.md'), 'utf8');
		expect(readme).toContain('97 cores, 4242 s in all');
		// What the README drift test (readme.test.ts) compares: nothing left to regenerate.
		expect(readme).toBe(renderReadme(readme, fresh));
	});
});
