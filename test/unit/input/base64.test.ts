import { cleanBase64 } from '../../../nodes/HuaweiCloudOcr/input/base64';
import { InputProblem } from '../../../nodes/HuaweiCloudOcr/input/problem';

const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0x00, 0x10, 0x83, 0x7e]);
const standard = bytes.toString('base64'); // '+/+/ABCDfg=='

function problemOf(result: unknown): InputProblem {
	expect(result).toBeInstanceOf(InputProblem);
	return result as InputProblem;
}

describe('cleanBase64', () => {
	it('keeps bare standard Base64 as it is', () => {
		expect(cleanBase64(standard)).toBe(standard);
	});

	it.each([
		['a data URL prefix', `data:image/png;base64,${standard}`],
		['a data URL prefix with parameters', `DATA:image/jpeg;name=a.jpg;BASE64,${standard}`],
		['line breaks and spaces', `  ${standard.slice(0, 4)}\r\n${standard.slice(4, 8)} \t${standard.slice(8)}\n`],
	])('strips %s', (_name, input) => {
		expect(cleanBase64(input)).toBe(standard);
	});

	it('converts URL-safe Base64 without padding to padded standard Base64', () => {
		const urlSafe = bytes.toString('base64url');
		expect(urlSafe).toMatch(/[-_]/);
		expect(cleanBase64(urlSafe)).toBe(standard);
	});

	it('adds missing padding to standard Base64', () => {
		expect(cleanBase64(standard.replace(/=+$/, ''))).toBe(standard);
	});

	it('rejects an empty string', () => {
		expect(problemOf(cleanBase64(' \n ')).message).toBe('The Base64 String is empty');
		expect(problemOf(cleanBase64('data:image/png;base64,')).message).toBe('The Base64 String is empty');
	});

	it('rejects a character outside the alphabet and says where it is', () => {
		const problem = problemOf(cleanBase64('iVBORw0K%GgoAAAA'));
		expect(problem.message).toBe("The Base64 String is not valid Base64: character 9 is '%'");
		expect(problem.description).toContain("set Input Source to 'Binary File'");
	});

	it('rejects padding in the middle', () => {
		expect(problemOf(cleanBase64('QQ==QUJD')).message).toBe(
			"The Base64 String is not valid Base64: character 3 is '=' (padding may only appear at the end)",
		);
	});

	it.each([
		['one character too many', 'QUJDR'],
		['three padding characters', 'QQ==='],
		['padding on a length that is not a multiple of four', 'QQ='],
	])('rejects %s', (_name, input) => {
		expect(problemOf(cleanBase64(input)).message).toMatch(/^The Base64 String is not valid Base64: its length \(\d+ characters before padding\) or its '=' padding is wrong$/);
	});

	it('rejects a mix of standard and URL-safe characters', () => {
		expect(problemOf(cleanBase64('ab+c-d_/')).message).toBe(
			"The Base64 String mixes standard ('+', '/') and URL-safe ('-', '_') Base64 characters",
		);
	});

	it('points to the URL source for a URL', () => {
		const problem = problemOf(cleanBase64('https://example.com/a.jpg'));
		expect(problem.message).toBe('The Base64 String holds a URL, not Base64 text');
		expect(problem.description).toBe("Set Input Source to 'URL' and put the address in the URL field.");
	});

	it('rejects a data URL that is not Base64-encoded', () => {
		expect(problemOf(cleanBase64('data:text/plain,hello')).message).toBe(
			'The Base64 String is a data URL that is not Base64-encoded',
		);
	});
});
