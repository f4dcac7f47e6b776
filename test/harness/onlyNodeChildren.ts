/**
 * `npm install && npm test` must pass on a machine with only Node and npm, so nothing `npm test`
 * runs may start a program from the system (qpdf, poppler, ImageMagick, a shell ...). While a test
 * file runs, every child_process function refuses any program but this Node (process.execPath);
 * independent judges come from npm instead (test/judges). Restored after the file.
 */
import childProcess from '../nodejs/child_process.cjs';
import process from '../nodejs/process.cjs';

type Launcher = 'spawn' | 'spawnSync' | 'execFile' | 'execFileSync' | 'exec' | 'execSync';

const LAUNCHERS: Launcher[] = ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync'];

export class SystemProgramRefused extends Error {}

/** exec and execSync go through a shell (a system program) whatever the command line says. */
function isThisNode(launcher: Launcher, program: string): boolean {
	return launcher !== 'exec' && launcher !== 'execSync' && program === process.execPath;
}

const originals = new Map<Launcher, unknown>();
const target = childProcess as unknown as Record<Launcher, (...args: unknown[]) => unknown>;

export function refuseSystemPrograms(): void {
	for (const launcher of LAUNCHERS) {
		const original = target[launcher];
		originals.set(launcher, original);
		target[launcher] = (...args: unknown[]) => {
			const program = String(args[0]);
			if (!isThisNode(launcher, program)) {
				throw new SystemProgramRefused(
					`child_process.${launcher}(${JSON.stringify(program)}) refused: \`npm test\` runs only Node (process.execPath) as a child. ` +
						'Use a judge from npm (test/judges), or run the script with process.execPath.',
				);
			}
			return original(...args);
		};
	}
}

export function restoreChildProcess(): void {
	for (const [launcher, original] of originals) target[launcher] = original as (...args: unknown[]) => unknown;
	originals.clear();
}
