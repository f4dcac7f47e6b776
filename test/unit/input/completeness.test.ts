import { readdirSync, readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';

import { isTruncatedImage } from '../../../nodes/HuaweiCloudOcr/input/completeness';
import { detectFormat } from '../../../nodes/HuaweiCloudOcr/input/fileFormat';
import * as make from '../../fixtures/syntheticFiles';
import { mupdfPageImage } from '../../judges/mupdf';
import { pdfLibDocument } from '../document/pdfCorpus';

/** Real encoder output (MuPDF's PNG writer and libjpeg, mozjpeg for progressive), not our own fixtures. */
async function rendered(kind: 'png' | 'jpeg' | 'progressive'): Promise<Buffer> {
	return mupdfPageImage(await pdfLibDocument(1, false), 1, kind, 72);
}

function truncated(bytes: Buffer): boolean | undefined {
	const format = detectFormat(bytes);
	if (format === undefined) throw new Error('not an image');
	return isTruncatedImage(bytes, format);
}

const CUTS = [0.05, 0.3, 0.5, 0.9, 0.99];

describe('isTruncatedImage', () => {
	it.each(['png', 'jpeg', 'progressive'] as const)('a complete %s from a real encoder passes; cut anywhere it is caught', async (kind) => {
		const bytes = await rendered(kind);
		expect(truncated(bytes)).toBe(false);
		for (const cut of [...CUTS.map((share) => Math.floor(bytes.length * share)), bytes.length - 1]) {
			expect({ cut, truncated: truncated(bytes.subarray(0, cut)) }).toEqual({ cut, truncated: true });
		}
	});

	it('a JPEG without its last two bytes (FF D9) is caught', async () => {
		const bytes = await rendered('jpeg');
		expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
		expect(truncated(bytes.subarray(0, bytes.length - 2))).toBe(true);
	});

	it('trailing zero padding or a trailer after the end does not count as truncation', async () => {
		const jpeg = await rendered('jpeg');
		const png = await rendered('png');
		expect(truncated(Buffer.concat([jpeg, Buffer.alloc(4096)]))).toBe(false);
		expect(truncated(Buffer.concat([jpeg, Buffer.from('SEFHtrailer-from-a-phone')]))).toBe(false);
		expect(truncated(Buffer.concat([png, Buffer.alloc(100)]))).toBe(false);
	});

	it('a thumbnail inside APP1 (with its own FF D9) does not make a cut-off JPEG look complete', async () => {
		const jpeg = await rendered('jpeg');
		const thumbnail = make.jpeg(8, 8);
		const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(thumbnail.length + 8) >> 8, (thumbnail.length + 8) & 0xff]), Buffer.from('Exif\0\0', 'latin1'), thumbnail]);
		const withThumbnail = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
		expect(truncated(withThumbnail)).toBe(false);
		expect(truncated(withThumbnail.subarray(0, app1.length + 200))).toBe(true);
	});

	it('the synthetic fixtures the other tests use are complete images', () => {
		expect(truncated(make.png(40, 30))).toBe(false);
		expect(truncated(make.png(9000, 1200, { headerOnly: true }))).toBe(false);
		expect(truncated(make.jpeg(40, 30))).toBe(false);
		expect(truncated(make.jpeg(40, 30, { fillBytes: 3, appSegments: 3, dhtBeforeFrame: true }))).toBe(false);
		expect(truncated(make.paddedJpeg(40, 30, 100_000))).toBe(false);
	});

	it('the example and end-to-end images shipped with the project are complete', () => {
		const folders = ['examples/images', 'test/e2e/fixtures'];
		const images = folders.flatMap((folder) =>
			readdirSync(folder)
				.filter((name) => /\.(png|jpe?g)$/i.test(name))
				.map((name) => join(folder, name)),
		);
		expect(images.length).toBeGreaterThan(3);
		for (const path of images) expect({ path, truncated: truncated(readFileSync(path)) }).toEqual({ path, truncated: false });
	});

	it('other formats are not judged', () => {
		expect(isTruncatedImage(make.bmp(10, 10), 'bmp')).toBeUndefined();
	});
});
