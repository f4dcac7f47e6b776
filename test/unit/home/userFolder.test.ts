/**
 * The demo, the tests and the benchmarks run n8n's engine, which writes instance settings (a new
 * encryption key) into <N8N_USER_FOLDER or HOME>/.n8n. None of them may touch the user's n8n folder.
 */
import { spawnSync } from '../../nodejs/child_process.cjs';
import { existsSync, mkdtempSync, rmSync } from '../../nodejs/fs.cjs';
import { tmpdir } from '../../nodejs/os.cjs';
import { join } from '../../nodejs/path.cjs';
import process from '../../nodejs/process.cjs';
import { projectRoot as root } from '../../harness/repositoryFiles';

const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

describe("the user's n8n folder", () => {
	let home: string;

	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'hwocr-fresh-home-'));
	});

	afterEach(() => rmSync(home, { recursive: true, force: true }));

	it('is neither created nor changed by `npm run demo` run with a fresh HOME and N8N_USER_FOLDER', () => {
		const userN8n = join(home, 'user-n8n');
		const demo = spawnSync(process.execPath, [tsxCli, 'examples/demo.ts', '--no-recognition', '--out', join(home, 'out')], {
			cwd: root,
			env: { ...process.env, HOME: home, N8N_USER_FOLDER: userN8n },
			encoding: 'utf8',
		});
		expect({ status: demo.status, stderr: demo.stderr }).toEqual({ status: 0, stderr: '' });
		expect(demo.stdout).toContain('Results (JSON, TXT, XLSX) are in');
		expect(existsSync(join(home, 'out'))).toBe(true);
		expect(existsSync(join(home, '.n8n'))).toBe(false);
		expect(existsSync(userN8n)).toBe(false);
	});

	it('is replaced by a throw-away folder for this test run too', () => {
		expect(process.env.N8N_USER_FOLDER).toMatch(new RegExp(`^${tmpdir()}/hwocr-n8n-user-`));
	});
});
