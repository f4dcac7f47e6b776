import { DocumentProblem } from '../../../nodes/HuaweiCloudOcr/document';

/** The DocumentProblem that `action` throws; any other outcome fails the test. */
export function problemOf(action: () => unknown): DocumentProblem {
	let thrown: unknown;
	try {
		action();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(DocumentProblem);
	return thrown as DocumentProblem;
}
