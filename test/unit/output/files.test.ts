import { baseFileName } from '../../../nodes/HuaweiCloudOcr/output/files';
import { GENERAL_TABLE } from './helpers';

describe('baseFileName', () => {
	it('prefers the chosen name, then the input file name without extension, then the operation id', () => {
		expect(baseFileName('March report', 'invoice.jpg', GENERAL_TABLE)).toBe('March report');
		expect(baseFileName('', 'invoice.jpg', GENERAL_TABLE)).toBe('invoice');
		expect(baseFileName('', 'archive.tar.gz', GENERAL_TABLE)).toBe('archive.tar');
		expect(baseFileName('', 'C:\\scans\\page 1.png', GENERAL_TABLE)).toBe('page 1');
		expect(baseFileName('', '.hidden', GENERAL_TABLE)).toBe('.hidden');
		expect(baseFileName('', undefined, GENERAL_TABLE)).toBe('general-table');
		expect(baseFileName('  ', '', GENERAL_TABLE)).toBe('general-table');
	});

	it('replaces characters file systems reject', () => {
		expect(baseFileName('a/b:c*?', undefined, GENERAL_TABLE)).toBe('a_b_c__');
		expect(baseFileName('', 'bad\u0001name.pdf', GENERAL_TABLE)).toBe('bad_name');
	});
});
