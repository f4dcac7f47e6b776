import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readOutputSettings } from '../../../nodes/HuaweiCloudOcr/output';
import { GENERAL_TABLE, fakeContext } from './helpers';

function settingsFor(parameters: IDataObject) {
	return readOutputSettings(fakeContext(parameters).ctx, 3, GENERAL_TABLE);
}

function failureFor(parameters: IDataObject): NodeOperationError {
	let caught: unknown;
	try {
		settingsFor(parameters);
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(NodeOperationError);
	return caught as NodeOperationError;
}

describe('readOutputSettings: values from expressions', () => {
	it('reads "true" and "false" text as the booleans they spell', () => {
		expect(settingsFor({ simplify: 'false' }).simplify).toBe(false);
		expect(settingsFor({ options: { attachText: 'true', attachExcel: 'true', includeLocations: 'true' } })).toMatchObject({
			attachText: true,
			attachExcel: true,
			includeLocations: true,
		});
	});

	it.each([
		[{ simplify: 'no' }, 'Simplify must be true or false, not "no" [item 3]'],
		[{ simplify: 1 }, 'Simplify must be true or false, not 1 [item 3]'],
		[{ options: { attachText: 'yes' } }, 'Attach Text File must be true or false, not "yes" [item 3]'],
		[{ options: { includeConfidence: 'TRUE ' } }, 'Include Confidence must be true or false, not "TRUE " [item 3]'],
	])('refuses %p naming the parameter and the value', (parameters, message) => {
		const error = failureFor(parameters);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Set .* to true or false\.$/);
		expect(error.context.itemIndex).toBe(3);
	});
});
