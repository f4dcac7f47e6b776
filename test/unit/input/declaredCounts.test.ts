/**
 * The image header and completeness readers trust no declared count or length: an IFD entry
 * count, an icon directory count, a PNG chunk length or a JPEG segment length that the bytes cannot
 * hold ends the walk (no size, or "cut off") instead of driving it. The fuzz slice (test/fuzz)
 * checks the same readers on thousands of mutated files.
 */
import { isTruncatedImage } from '../../../nodes/HuaweiCloudOcr/input/completeness';
import { readPixelSize } from '../../../nodes/HuaweiCloudOcr/input/pixelSize';
import * as make from '../../fixtures/syntheticFiles';

describe('declared counts larger than the data', () => {
	it('a TIFF whose first IFD declares more entries than the file holds has no size', () => {
		const tiff = make.tiff(300, 200, 'II', 'short');
		tiff.writeUInt16LE(0xffff, 8);
		expect(readPixelSize(tiff, 'tiff')).toBeUndefined();
	});

	it('a TIFF whose IFD offset points past the end has no size', () => {
		const tiff = make.tiff(300, 200, 'MM', 'long');
		tiff.writeUInt32BE(0xfffffff0, 4);
		expect(readPixelSize(tiff, 'tiff')).toBeUndefined();
	});

	it('an icon directory declaring more images than the file holds has no size (image data is not read as entries)', () => {
		const icon = make.ico([{ width: 16, height: 16 }, { width: 48, height: 48 }]);
		expect(readPixelSize(icon, 'ico')).toEqual({ width: 48, height: 48 });
		icon.writeUInt16LE(0xffff, 4);
		expect(readPixelSize(icon, 'ico')).toBeUndefined();
	});

	it('a PNG chunk whose length runs past the end makes the image cut off', () => {
		const png = make.png(4, 3);
		png.writeUInt32BE(0xffffffff, 8 + 25); // the chunk after IHDR
		expect(isTruncatedImage(png, 'png')).toBe(true);
	});

	it('a JPEG segment whose length runs past the end gives no size and makes the image cut off', () => {
		const header = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66]);
		const frame = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0x01, 0x11, 0x00, 0xff, 0xd9]);
		const jpeg = Buffer.concat([header, frame]);
		expect(readPixelSize(jpeg, 'jpeg')).toBeUndefined();
		expect(isTruncatedImage(jpeg, 'jpeg')).toBe(true);
	});

	it('a JPEG segment of declared length 0 or 1 (less than its own length field) ends the walk', () => {
		for (const length of [0, 1]) {
			const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, length, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03]);
			expect(readPixelSize(jpeg, 'jpeg')).toBeUndefined();
		}
	});

	it('a JPEG of a megabyte of fill bytes has no size and is cut off', () => {
		const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(1024 * 1024, 0xff)]);
		expect(readPixelSize(jpeg, 'jpeg')).toBeUndefined();
		expect(isTruncatedImage(jpeg, 'jpeg')).toBe(true);
	});
});
