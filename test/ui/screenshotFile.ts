/**
 * Writes a screenshot unless the file already holds the same picture. Chromium renders a few pixels
 * differently from run to run (hover fades, header shadows), and the PNGs are committed: rewriting
 * them for that would leave the work tree dirty after every run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from '../nodejs/fs.cjs';
import { dirname } from '../nodejs/path.cjs';

import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Share of pixels that may differ while the picture still counts as unchanged. */
const UNCHANGED_BELOW = 0.002;

async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
	const image = await loadImage(png);
	const canvas = createCanvas(image.width, image.height);
	const context = canvas.getContext('2d');
	context.drawImage(image, 0, 0);
	return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}

export async function differingPixelShare(a: Buffer, b: Buffer): Promise<number> {
	const [x, y] = await Promise.all([pixels(a), pixels(b)]);
	if (x.width !== y.width || x.height !== y.height) return 1;
	let differing = 0;
	for (let i = 0; i < x.data.length; i += 4) {
		if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) differing++;
	}
	return differing / (x.width * x.height);
}

/** Returns whether the file was (re)written. */
export async function saveScreenshot(path: string, png: Buffer): Promise<boolean> {
	if (existsSync(path) && (await differingPixelShare(readFileSync(path), png)) < UNCHANGED_BELOW) return false;
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, png);
	return true;
}
