import { ExpressionError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { HuaweiCredentialError } from '../../../nodes/HuaweiCloud/errors';
import { errorDetails } from '../../../nodes/HuaweiCloudOcr/errorItem';

const node = { name: 'Huawei Cloud OCR', type: 'huaweiCloudOcr', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

describe('error item codes', () => {
	it('INVALID_INPUT for input and parameter problems (our checks, expressions)', () => {
		expect(errorDetails(new NodeOperationError(node, 'The file is empty [item 0]', { description: 'Send a file.' }))).toEqual({
			code: 'INVALID_INPUT',
			message: 'The file is empty [item 0]',
			hint: 'Send a file.',
		});
		expect(errorDetails(new ExpressionError('invalid syntax'))).toMatchObject({ code: 'INVALID_INPUT', message: 'invalid syntax' });
	});

	it("a credential's own error keeps its code, request ID and HTTP status", () => {
		const error = new HuaweiCredentialError({ code: 'CREDENTIAL.INVALID_KEYS', message: 'rejected', hint: 'Check the keys.', requestId: 'r1', httpStatus: 401 });
		expect(errorDetails(error)).toEqual({ code: 'CREDENTIAL.INVALID_KEYS', message: 'rejected', hint: 'Check the keys.', requestId: 'r1', httpStatus: 401 });
	});

	it('an unexpected failure (not an input problem) is UNEXPECTED_ERROR, never INVALID_INPUT', () => {
		const details = errorDetails(new TypeError("Cannot read properties of undefined (reading 'file')"));
		expect(details).toMatchObject({ code: 'UNEXPECTED_ERROR', message: expect.stringContaining("reading 'file'"), hint: expect.stringContaining('report') });
	});
});
