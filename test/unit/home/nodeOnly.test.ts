/**
 * The README promises `npm install && npm test` on a machine with nothing but Node and npm. So no
 * file that `npm test` runs may start a program from the system: checked in the sources (every
 * child_process call names process.execPath) and at run time (test/harness/onlyNodeChildren.ts).
 */
import * as childProcess from '../../nodejs/child_process.cjs';
import process from '../../nodejs/process.cjs';

import { SystemProgramRefused } from '../../harness/onlyNodeChildren';
import { filesUnder, readProjectFile } from '../../harness/repositoryFiles';

/** What `npm test` runs: the unit and engine suites, their helpers and fixtures, and the demo and bench code they import. */
const SCANNED = ['test', 'examples', 'bench', 'nodes', 'credentials'];
/**
 * Not run by `npm test`: the real-n8n suite (`npm run test:e2e`), the browser check (`npm run test:ui`)
 * and queue mode (`npm run test:queue`, which starts PostgreSQL and Redis from Debian's packages).
 */
const NOT_RUN_BY_NPM_TEST = ['test/e2e', 'test/ui', 'test/queue'];
/** This file: its calls of system programs are the refusals it expects. */
const THIS_FILE = 'test/unit/home/nodeOnly.test.ts';

const sourceFiles = (folder: string) => filesUnder(folder, /\.(ts|js|cjs|mjs)$/, NOT_RUN_BY_NPM_TEST);

/**
 * Each call of a child_process launcher: the launcher and the text of its first argument. A method
 * call on anything but the `childProcess` namespace (`pattern.exec(text)`) is not a launch.
 */
function launches(source: string): Array<{ launcher: string; program: string }> {
	const calls = [...source.matchAll(/(?:\bchildProcess\.|(?<![\w$.]))(spawnSync|spawn|execFileSync|execFile|execSync|exec)\s*\(\s*([^,)]*)/g)];
	return calls.map((match) => ({ launcher: match[1], program: match[2].trim() }));
}

describe('nothing `npm test` runs starts a program other than Node', () => {
	const files = SCANNED.flatMap(sourceFiles);
	const usingChildProcess = files.filter((file) => file !== THIS_FILE && /\bchild_process\b/.test(readProjectFile(file)));

	it('the scan sees the test sources, and the files that start children', () => {
		expect(files).toEqual(expect.arrayContaining([THIS_FILE, 'test/judges/mupdf.ts', 'test/unit/document/pdf.test.ts', 'bench/common.ts']));
		expect(files.some((file) => file.startsWith('test/e2e/') || file.startsWith('test/ui/'))).toBe(false);
		expect(usingChildProcess).toEqual(expect.arrayContaining(['test/unit/home/userFolder.test.ts', 'bench/common.ts']));
	});

	it('every child_process call in those sources starts process.execPath (fork always starts Node)', () => {
		const offending = usingChildProcess.flatMap((file) =>
			launches(readProjectFile(file))
				.filter(({ program }) => program !== 'process.execPath')
				.map((call) => ({ file, ...call })),
		);
		expect(offending).toEqual([]);
	});

	it('the source check would catch a call of a system program', () => {
		expect(launches("execFileSync('pdftoppm', ['-png'])")).toEqual([{ launcher: 'execFileSync', program: "'pdftoppm'" }]);
		expect(launches('spawnSync(tool, [flag])')).toEqual([{ launcher: 'spawnSync', program: 'tool' }]);
		expect(launches('execSync(`qpdf --check ${file}`)')).toEqual([{ launcher: 'execSync', program: '`qpdf --check ${file}`' }]);
		expect(launches("childProcess.spawn('redis-server', [])")).toEqual([{ launcher: 'spawn', program: "'redis-server'" }]);
		expect(launches('/x/.exec(text)')).toEqual([]);
	});

	it('at run time a system program is refused, naming it', () => {
		expect(() => childProcess.spawnSync('qpdf', ['--version'])).toThrow(SystemProgramRefused);
		expect(() => childProcess.execFileSync('pdftoppm', ['-v'])).toThrow(/child_process.execFileSync\("pdftoppm"\) refused/);
		expect(() => childProcess.execSync(`"${process.execPath}" -v`)).toThrow(/refused/);
		expect(() => childProcess.spawn('/bin/sh', ['-c', 'true'])).toThrow(/refused/);
	});

	it('at run time this Node is allowed', () => {
		const run = childProcess.spawnSync(process.execPath, ['-p', '6 * 7'], { encoding: 'utf8' });
		expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: '42' });
	});
});
