import { isRegionId } from '../../HuaweiCloud/regions';
import { InputProblem } from './problem';
import { wellFormed } from './text';

export interface ObsObject {
	/** The bucket name, or an `obs://bucket/key` path (then the key may come from it). */
	bucket: string;
	key: string;
	/** OBS region; empty means the region the OCR call goes to. */
	region: string;
	/** The region the OCR call goes to. */
	callRegion: string;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const MAX_KEY_BYTES = 1024;

/**
 * Builds `https://{bucket}.obs.{region}.myhuaweicloud.com/{key}` with each key segment percent-encoded
 * (the `/` separators kept). A leading `/` on the key is dropped: OBS keys never start with one, and
 * users copy keys from paths. An `obs://bucket/key` pasted into the bucket field is accepted, as the
 * OBS console and obsutil show objects that way.
 */
export function obsObjectUrl(object: ObsObject): string | InputProblem {
	const split = splitObsPath(object.bucket.trim(), wellFormed(object.key.trim()));
	if (split instanceof InputProblem) return split;
	const { bucket, key } = split;

	const bucketProblem = checkBucketName(bucket);
	if (bucketProblem) return bucketProblem;
	if (key.length === 0) {
		return new InputProblem(
			'The OBS Object Key is empty',
			'Enter the full object name inside the bucket, e.g. invoices/2024/0001.jpg.',
		);
	}
	if (utf8Length(key) > MAX_KEY_BYTES) {
		return new InputProblem(
			`The OBS Object Key is ${utf8Length(key)} bytes long; OBS keys are at most ${MAX_KEY_BYTES} bytes`,
			'Check that the field holds only the object key.',
		);
	}

	const region = object.region.trim() || object.callRegion;
	if (!isRegionId(region)) {
		return new InputProblem(
			`The OBS region '${region}' is not a region ID`,
			'Enter the ID of the region the bucket is in, e.g. cn-north-4 or ap-southeast-1, or leave it empty to use the OCR region.',
		);
	}
	const encodedKey = key
		.split('/')
		.map((segment) => encodeURIComponent(segment))
		.join('/');
	return `https://${bucket}.obs.${region}.myhuaweicloud.com/${encodedKey}`;
}

function splitObsPath(bucketField: string, keyField: string): { bucket: string; key: string } | InputProblem {
	const key = keyField.replace(/^\/+/, '');
	if (/^https?:\/\//i.test(bucketField)) {
		return new InputProblem(
			'The OBS Bucket field holds a web address, not a bucket name',
			"Enter only the bucket name, or set Input Source to 'URL' to send the address as it is.",
		);
	}
	const obsPath = /^obs:\/\/([^/]*)(?:\/(.*))?$/i.exec(bucketField);
	if (!obsPath) return { bucket: bucketField, key };
	const [, bucket, pathKey = ''] = obsPath;
	if (pathKey && key && pathKey !== key) {
		return new InputProblem(
			`The OBS Bucket field holds the path obs://${bucket}/${pathKey} and the Object Key is '${key}' as well`,
			'Keep only one: either the obs:// path in the bucket field, or the bucket name and the object key in their own fields.',
		);
	}
	return { bucket, key: key || pathKey };
}

function checkBucketName(bucket: string): InputProblem | undefined {
	const valid =
		BUCKET_NAME.test(bucket) && !IP_ADDRESS.test(bucket) && !/\.\.|\.-|-\./.test(bucket);
	if (valid) return undefined;
	return new InputProblem(
		bucket.length === 0 ? 'The OBS Bucket name is empty' : `'${bucket}' is not a valid OBS bucket name`,
		'A bucket name has 3 to 63 characters: lowercase letters, digits, hyphens and periods, ' +
			'starting and ending with a letter or digit, and is not an IP address. Enter the bucket name only, e.g. my-ocr-bucket.',
	);
}

function utf8Length(text: string): number {
	return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, '_').length;
}
