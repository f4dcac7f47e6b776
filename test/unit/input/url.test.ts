import { InputProblem } from '../../../nodes/HuaweiCloudOcr/input/problem';
import { normalizeUrl } from '../../../nodes/HuaweiCloudOcr/input/url';

function problemOf(result: unknown): InputProblem {
	expect(result).toBeInstanceOf(InputProblem);
	return result as InputProblem;
}

describe('normalizeUrl', () => {
	it('keeps an ASCII http(s) URL exactly as typed (pre-signed signatures stay valid)', () => {
		const signed =
			'https://bucket.obs.cn-north-4.myhuaweicloud.com/a%20b/scan.jpg?AccessKeyId=AK&Expires=1700000000&Signature=abc%2Bdef%3D';
		expect(normalizeUrl(signed)).toBe(signed);
		expect(normalizeUrl('  http://10.0.0.5:8080/x.png ')).toBe('http://10.0.0.5:8080/x.png');
	});

	it('percent-encodes non-ASCII path and query characters as UTF-8', () => {
		expect(normalizeUrl('https://example.com/发票/扫描.jpg?name=écrit')).toBe(
			'https://example.com/%E5%8F%91%E7%A5%A8/%E6%89%AB%E6%8F%8F.jpg?name=%C3%A9crit',
		);
	});

	it('turns an international host name into its ASCII form', () => {
		expect(normalizeUrl('https://例子.测试/图.png')).toBe('https://xn--fsqu00a.xn--0zwm56d/%E5%9B%BE.png');
	});

	it.each([
		['file:///tmp/scan.jpg', "The URL starts with 'file://'; only http:// and https:// URLs can be sent", 'Read/Write Files From Disk'],
		['ftp://files.example.com/scan.jpg', "The URL starts with 'ftp://'; only http:// and https:// URLs can be sent", 'FTP node'],
		['obs://bucket/scan.jpg', "The URL starts with 'obs://'; only http:// and https:// URLs can be sent", "'OBS Object'"],
		['data:image/png;base64,iVBO', "The URL starts with 'data:'; only http:// and https:// URLs can be sent", "'Base64 String'"],
		['gopher://example.com/a', "The URL starts with 'gopher://'; only http:// and https:// URLs can be sent", 'http(s)'],
	])('rejects %s', (url, message, fix) => {
		const problem = problemOf(normalizeUrl(url));
		expect(problem.message).toBe(message);
		expect(problem.description).toContain(fix);
	});

	it('rejects a URL without a scheme and suggests the full form', () => {
		const problem = problemOf(normalizeUrl('example.com/scan.jpg'));
		expect(problem.message).toBe("The URL 'example.com/scan.jpg' does not start with http:// or https://");
		expect(problem.description).toBe('Write the full address, e.g. https://example.com/scan.jpg');
	});

	it('rejects a URL missing the slashes after the scheme', () => {
		const problem = problemOf(normalizeUrl('https:/example.com/a.jpg'));
		expect(problem.message).toBe("The URL 'https:/example.com/a.jpg' is missing the '//' after the scheme");
		expect(problem.description).toBe('Write the full address, e.g. https://example.com/a.jpg');
	});

	it('rejects spaces and says how to write them', () => {
		const problem = problemOf(normalizeUrl('https://example.com/my scan.jpg'));
		expect(problem.message).toBe("The URL contains a space or line break: 'https://example.com/my scan.jpg'");
		expect(problem.description).toBe('Write spaces in the address as %20, and make sure the field holds a single URL.');
	});

	it('rejects an empty URL and one without a host', () => {
		expect(problemOf(normalizeUrl('')).message).toBe('The URL is empty');
		expect(problemOf(normalizeUrl('https://')).message).toBe("The URL 'https://' is not a valid address");
	});
});
