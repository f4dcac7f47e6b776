/**
 * n8n-core keeps its instance settings (a generated encryption key) in $N8N_USER_FOLDER/.n8n, by
 * default under the user's home. The tests, `npm run demo` and `npm run bench` run n8n's engine and
 * must not create or change the user's own n8n folder, so this points n8n at a throw-away folder,
 * removed when the process exits. Import it before anything that loads n8n-core.
 */
import { mkdtempSync, rmSync } from '../nodejs/fs.cjs';
import { tmpdir } from '../nodejs/os.cjs';
import { basename, dirname, join } from '../nodejs/path.cjs';
import process from '../nodejs/process.cjs';

const PREFIX = 'hwocr-n8n-user-';

/** True when the variable already names a throw-away folder of ours (a child process, another test file). */
function isThrowAway(folder: string | undefined): boolean {
	return folder !== undefined && dirname(folder) === tmpdir() && basename(folder).startsWith(PREFIX);
}

if (!isThrowAway(process.env.N8N_USER_FOLDER)) {
	const folder = mkdtempSync(join(tmpdir(), PREFIX));
	process.env.N8N_USER_FOLDER = folder;
	process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
}

export const n8nUserFolder = process.env.N8N_USER_FOLDER;
