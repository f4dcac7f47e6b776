/** The repository's own files, for the tests that read the sources rather than run them. */
import { readdirSync, readFileSync, statSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';

export const projectRoot = join(module.path, '..', '..');

/** A project-relative file's text. */
export function readProjectFile(path: string): string {
	return readFileSync(join(projectRoot, path), 'utf8');
}

/** Project-relative paths of the files under `folder` whose name matches `name`, leaving out node_modules and the `skip` folders. */
export function filesUnder(folder: string, name: RegExp, skip: readonly string[] = []): string[] {
	return readdirSync(join(projectRoot, folder)).flatMap((entry) => {
		const path = `${folder}/${entry}`;
		if (entry === 'node_modules' || skip.includes(path)) return [];
		if (statSync(join(projectRoot, path)).isDirectory()) return filesUnder(path, name, skip);
		return name.test(entry) ? [path] : [];
	});
}
