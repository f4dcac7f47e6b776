import { obsObjectUrl } from '../../../nodes/HuaweiCloudOcr/input/obs';
import { InputProblem } from '../../../nodes/HuaweiCloudOcr/input/problem';

const base = { bucket: 'my-ocr-bucket', key: 'scans/a.jpg', region: '', callRegion: 'cn-north-4' };

function problemOf(result: unknown): InputProblem {
	expect(result).toBeInstanceOf(InputProblem);
	return result as InputProblem;
}

describe('obsObjectUrl', () => {
	it('builds the virtual-host object URL in the call region by default', () => {
		expect(obsObjectUrl(base)).toBe('https://my-ocr-bucket.obs.cn-north-4.myhuaweicloud.com/scans/a.jpg');
	});

	it('uses the OBS region when given', () => {
		expect(obsObjectUrl({ ...base, region: ' ap-southeast-1 ' })).toBe(
			'https://my-ocr-bucket.obs.ap-southeast-1.myhuaweicloud.com/scans/a.jpg',
		);
	});

	it('percent-encodes each key segment as UTF-8 and keeps the slashes', () => {
		expect(obsObjectUrl({ ...base, key: '发票/2024 年/scan #1 (copy)+a?.jpg' })).toBe(
			'https://my-ocr-bucket.obs.cn-north-4.myhuaweicloud.com/%E5%8F%91%E7%A5%A8/2024%20%E5%B9%B4/scan%20%231%20(copy)%2Ba%3F.jpg',
		);
	});

	it('drops leading slashes from the key', () => {
		expect(obsObjectUrl({ ...base, key: '//scans/a.jpg' })).toBe(
			'https://my-ocr-bucket.obs.cn-north-4.myhuaweicloud.com/scans/a.jpg',
		);
	});

	it('accepts an obs:// path in the bucket field', () => {
		expect(obsObjectUrl({ ...base, bucket: 'obs://my-ocr-bucket/in/b.png', key: '' })).toBe(
			'https://my-ocr-bucket.obs.cn-north-4.myhuaweicloud.com/in/b.png',
		);
		expect(obsObjectUrl({ ...base, bucket: 'obs://my-ocr-bucket' })).toBe(
			'https://my-ocr-bucket.obs.cn-north-4.myhuaweicloud.com/scans/a.jpg',
		);
	});

	it('rejects an obs:// path whose key disagrees with the Object Key', () => {
		expect(problemOf(obsObjectUrl({ ...base, bucket: 'obs://my-ocr-bucket/in/b.png' })).message).toBe(
			"The OBS Bucket field holds the path obs://my-ocr-bucket/in/b.png and the Object Key is 'scans/a.jpg' as well",
		);
	});

	it.each(['ab', 'a'.repeat(64), 'My-Bucket', 'bucket_name', '-bucket', 'bucket-', 'my..bucket', 'my.-bucket', '192.168.1.10', ''])(
		'rejects the bucket name %p',
		(bucket) => {
			const problem = problemOf(obsObjectUrl({ ...base, bucket }));
			expect(problem.message).toBe(bucket ? `'${bucket}' is not a valid OBS bucket name` : 'The OBS Bucket name is empty');
			expect(problem.description).toContain('3 to 63 characters');
		},
	);

	it('accepts bucket names at the length limits and with periods', () => {
		expect(obsObjectUrl({ ...base, bucket: 'abc' })).toBe('https://abc.obs.cn-north-4.myhuaweicloud.com/scans/a.jpg');
		expect(obsObjectUrl({ ...base, bucket: 'a'.repeat(63) })).toContain(`https://${'a'.repeat(63)}.obs.`);
		expect(obsObjectUrl({ ...base, bucket: 'my.bucket.2024' })).toContain('https://my.bucket.2024.obs.');
	});

	it('points to the URL source for a web address in the bucket field', () => {
		const problem = problemOf(
			obsObjectUrl({ ...base, bucket: 'https://my-ocr-bucket.obs.cn-north-4.myhuaweicloud.com/a.jpg' }),
		);
		expect(problem.message).toBe('The OBS Bucket field holds a web address, not a bucket name');
		expect(problem.description).toContain("Input Source to 'URL'");
	});

	it('rejects an empty key, an overlong key and a malformed region', () => {
		expect(problemOf(obsObjectUrl({ ...base, key: ' / ' })).message).toBe('The OBS Object Key is empty');
		expect(problemOf(obsObjectUrl({ ...base, key: '文'.repeat(342) })).message).toBe(
			'The OBS Object Key is 1026 bytes long; OBS keys are at most 1024 bytes',
		);
		expect(problemOf(obsObjectUrl({ ...base, region: 'Beijing 4' })).message).toBe(
			"The OBS region 'Beijing 4' is not a region ID",
		);
	});
});
