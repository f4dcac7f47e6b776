/**
 * A user-facing problem with a document, found before any paid call.
 * `found` says what is wrong, `fix` what to do; `message` is both, for places that show one line.
 */
export class DocumentProblem extends Error {
	constructor(
		readonly found: string,
		readonly fix: string,
	) {
		super(`${found}. ${fix}`);
		this.name = 'DocumentProblem';
	}
}
