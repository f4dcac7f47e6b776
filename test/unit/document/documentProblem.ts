import { DocumentProblem } from '../../../nodes/HuaweiCloudOcr/document';

/** The DocumentProblem that `action` throws; any other outcome fails the test. */
export function problemOf(action: () => unknown): DocumentProblem {
	try {
		action();
	} catch (error) {
		if (error instanceof DocumentProblem) return error;
		throw error;
	}
	throw new Error('expected a DocumentProblem');
}
