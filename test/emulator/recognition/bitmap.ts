/** PNG/JPEG ⇄ grayscale bitmap, via @napi-rs/canvas (a dev dependency with a prebuilt binary). */
import { createCanvas, loadImage } from '@napi-rs/canvas';

import type { GrayImage } from './table';

/** Any image Skia decodes, drawn on white (transparency flattened, as a scanner would see it). */
async function drawnOnWhite(image: Buffer) {
	const bitmap = await loadImage(image);
	const canvas = createCanvas(bitmap.width, bitmap.height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, bitmap.width, bitmap.height);
	ctx.drawImage(bitmap, 0, 0);
	return { bitmap, canvas, ctx };
}

export async function decodeGray(image: Buffer): Promise<GrayImage> {
	const { bitmap, ctx } = await drawnOnWhite(image);
	const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
	const pixels = new Uint8Array(bitmap.width * bitmap.height);
	for (let i = 0; i < pixels.length; i++) {
		pixels[i] = Math.round(0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2]);
	}
	return { width: bitmap.width, height: bitmap.height, pixels };
}

export function encodePng(image: GrayImage): Buffer {
	const canvas = createCanvas(image.width, image.height);
	const ctx = canvas.getContext('2d');
	const data = ctx.createImageData(image.width, image.height);
	for (let i = 0; i < image.pixels.length; i++) {
		data.data[i * 4] = data.data[i * 4 + 1] = data.data[i * 4 + 2] = image.pixels[i];
		data.data[i * 4 + 3] = 255;
	}
	ctx.putImageData(data, 0, 0);
	return canvas.toBuffer('image/png');
}

/** Raw 8-bit gray or RGB pixels (as a PDF image XObject stores them) to a PNG. */
export function encodeRgbPng(image: { width: number; height: number; channels: 1 | 3; pixels: Uint8Array }): Buffer {
	const canvas = createCanvas(image.width, image.height);
	const ctx = canvas.getContext('2d');
	const data = ctx.createImageData(image.width, image.height);
	for (let i = 0; i < image.width * image.height; i++) {
		const at = i * image.channels;
		data.data[i * 4] = image.pixels[at];
		data.data[i * 4 + 1] = image.pixels[at + (image.channels === 3 ? 1 : 0)];
		data.data[i * 4 + 2] = image.pixels[at + (image.channels === 3 ? 2 : 0)];
		data.data[i * 4 + 3] = 255;
	}
	ctx.putImageData(data, 0, 0);
	return canvas.toBuffer('image/png');
}

/** Any image Skia decodes (GIF's first frame, WebP, ICO …) as a PNG on white, as a scanner would flatten it. */
export async function flattenToPng(image: Buffer): Promise<Buffer> {
	const { canvas } = await drawnOnWhite(image);
	return canvas.toBuffer('image/png');
}
