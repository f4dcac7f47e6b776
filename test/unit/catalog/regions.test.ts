import {
	hostingRegions,
	operationByValue,
	operationForRegion,
	regionProblem,
} from '../../../nodes/HuaweiCloudOcr/catalog';

describe('hostingRegions', () => {
	it('lists Chinese-mainland regions first, then international ones', () => {
		expect(hostingRegions(operationByValue('webImage'))).toEqual([
			'cn-north-4',
			'cn-south-1',
			'cn-east-3',
			'ap-southeast-2',
			'af-south-1',
		]);
	});

	it('lists a region named by both sites once', () => {
		expect(hostingRegions(operationByValue('thailandIdCard'))).toEqual(['ap-southeast-2']);
	});
});

describe('regionProblem', () => {
	it('names the regions that do host the operation, with readable names', () => {
		expect(regionProblem(operationByValue('generalTable'), 'ap-southeast-2')).toBe(
			'General Table is not available in AP-Bangkok (ap-southeast-2). It is offered in: CN North-Beijing4 (cn-north-4), CN East-Shanghai1 (cn-east-3), AP-Singapore (ap-southeast-3). Choose one of these regions in the credential, or set Options → Region.',
		);
		expect(regionProblem(operationByValue('chileIdCard'), 'cn-north-4')).toBe(
			'Chile ID Card is not available in CN North-Beijing4 (cn-north-4). It is offered in: LA-Santiago (la-south-2). Choose one of these regions in the credential, or set Options → Region.',
		);
	});

	it('has nothing to say in a hosting region', () => {
		expect(regionProblem(operationByValue('generalTable'), 'ap-southeast-3')).toBeUndefined();
		expect(regionProblem(operationByValue('passport'), 'cn-north-4')).toBeUndefined();
		expect(regionProblem(operationByValue('thailandLicensePlate'), 'ap-southeast-2')).toBeUndefined();
	});

	it('does not block operations whose region list is unverified', () => {
		expect(regionProblem(operationByValue('waybillElectronic'), 'ap-southeast-1')).toBeUndefined();
		expect(regionProblem(operationByValue('colombiaIdCard'), 'cn-north-4')).toBeUndefined();
		expect(regionProblem(operationByValue('idCard'), 'ap-southeast-3')).toBeUndefined();
	});

	it('does not block custom regions or regions whose line-up is unknown', () => {
		expect(regionProblem(operationByValue('generalTable'), 'eu-west-101')).toBeUndefined();
		expect(regionProblem(operationByValue('generalTable'), 'cn-north-1')).toBeUndefined();
		expect(regionProblem(operationByValue('generalTable'), 'cn-southwest-2')).toBeUndefined();
		expect(regionProblem(operationByValue('generalTable'), 'af-south-1')).toBeUndefined();
	});
});

describe('operationForRegion', () => {
	const generalText = operationByValue('generalText');

	it('allows PDF and 30000 px general text in the Chinese-mainland regions', () => {
		const inBeijing = operationForRegion(generalText, 'cn-north-4');
		expect(inBeijing.formats).toContain('pdf');
		expect(inBeijing.pixels).toEqual({ minSide: 15, maxSide: 30000, maxTotalPixels: 160_000_000 });
		expect(inBeijing.id).toBe('general-text');
	});

	it('keeps the strict international limits elsewhere', () => {
		for (const region of ['ap-southeast-1', 'eu-west-101']) {
			const operation = operationForRegion(generalText, region);
			expect(operation.formats).not.toContain('pdf');
			expect(operation.pixels).toEqual({ minSide: 15, maxSide: 8192 });
		}
	});

	it('returns operations without regional limits unchanged', () => {
		const passport = operationByValue('passport');
		expect(operationForRegion(passport, 'cn-north-4')).toBe(passport);
	});
});
