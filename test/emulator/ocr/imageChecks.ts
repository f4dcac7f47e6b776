/** Format (magic bytes) and pixel-size rules of one operation, on the decoded file. */
import { detectFormat } from '../../../nodes/HuaweiCloudOcr/input/fileFormat';
import { readPixelSize } from '../../../nodes/HuaweiCloudOcr/input/pixelSize';
import { errors } from '../errors';
import { limitsFor, type OperationSpec } from '../spec/operations';

export interface CheckedImage {
	format: string;
	width?: number;
	height?: number;
}

export function checkImage(spec: OperationSpec, region: string, bytes: Buffer): CheckedImage {
	const limits = limitsFor(spec, region);
	const format = detectFormat(bytes);
	if (!format) throw errors.unsupportedFormat('unknown-format');
	if (!limits.formats.includes(format)) throw errors.unsupportedFormat(`format-not-allowed:${format}`);
	if (format === 'pdf' || format === 'ofd') return { format };
	const size = readPixelSize(bytes, format);
	// An image whose size cannot be read is a broken file: the service cannot decode it either.
	if (!size) throw errors.unsupportedFormat('unreadable-image');
	const { width, height } = size;
	if (Math.min(width, height) < limits.minSide) throw errors.imageSize(`side-below-${limits.minSide}`);
	if (Math.max(width, height) > limits.maxSide) throw errors.imageSize(`side-above-${limits.maxSide}`);
	if (limits.maxTotalPixels !== undefined && width * height > limits.maxTotalPixels) {
		throw errors.imageSize(`pixels-above-${limits.maxTotalPixels}`);
	}
	return { format, width, height };
}
