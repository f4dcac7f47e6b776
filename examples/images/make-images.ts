/**
 * Draws the demo's sample images from samples.ts into examples/images/*.png.
 * Run: npx tsx examples/images/make-images.ts
 * Fonts come from the dejavu-fonts-ttf dev dependency, so the output does not depend on the
 * fonts installed on the machine; the PNGs are committed, so users never need to run this.
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { writeFileSync } from '../../test/nodejs/fs.cjs';
import * as path from '../../test/nodejs/path.cjs';
import console from '../../test/nodejs/console.cjs';
import process from '../../test/nodejs/process.cjs';

import { composeTd3 } from '../../test/emulator/recognition/mrz';
import { PDFDocument } from 'pdf-lib';

import {
	HANDWRITTEN_NOTE,
	INVOICE,
	PASSPORT,
	sampleImagePath,
	STATEMENT,
	TABLE,
	WEB_BANNER,
} from './samples';

const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
	'DejaVu Sans': 'DejaVuSans.ttf',
	'DejaVu Sans Bold': 'DejaVuSans-Bold.ttf',
	'DejaVu Sans Mono': 'DejaVuSansMono.ttf',
	'DejaVu Serif Italic': 'DejaVuSerif-Italic.ttf',
} as const;
type FontName = keyof typeof FONTS;

for (const [family, file] of Object.entries(FONTS)) GlobalFonts.registerFromPath(path.join(FONT_DIR, file), family);

interface Page {
	ctx: SKRSContext2D;
	save(file: string): void;
	/** The page as a JPEG, the way a scanner stores pages in a PDF. */
	jpeg(): Buffer;
}

function newPage(width: number, height: number, background = '#ffffff'): Page {
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = background;
	ctx.fillRect(0, 0, width, height);
	return {
		ctx,
		save(file) {
			const target = sampleImagePath(file);
			writeFileSync(target, canvas.toBuffer('image/png'));
			console.log(`wrote ${path.relative(process.cwd(), target)} (${width}x${height})`);
		},
		jpeg: () => canvas.toBuffer('image/jpeg', 90),
	};
}

function text(
	ctx: SKRSContext2D,
	value: string,
	x: number,
	y: number,
	options: { size: number; font?: FontName; color?: string; align?: 'left' | 'right' | 'center' } = { size: 24 },
): void {
	ctx.font = `${options.size}px "${options.font ?? 'DejaVu Sans'}"`;
	ctx.fillStyle = options.color ?? '#111111';
	ctx.textAlign = options.align ?? 'left';
	ctx.textBaseline = 'alphabetic';
	ctx.fillText(value, x, y);
}

function line(ctx: SKRSContext2D, x1: number, y1: number, x2: number, y2: number, width = 2, color = '#222222'): void {
	ctx.strokeStyle = color;
	ctx.lineWidth = width;
	ctx.beginPath();
	ctx.moveTo(x1, y1);
	ctx.lineTo(x2, y2);
	ctx.stroke();
}

function drawInvoice(): void {
	const page = newPage(1000, 1250);
	const { ctx } = page;
	text(ctx, INVOICE.seller, 60, 90, { size: 34, font: 'DejaVu Sans Bold' });
	text(ctx, INVOICE.sellerAddress, 60, 135, { size: 24 });
	text(ctx, INVOICE.title, 940, 90, { size: 46, font: 'DejaVu Sans Bold', align: 'right' });
	line(ctx, 60, 170, 940, 170, 3);

	text(ctx, `Invoice No: ${INVOICE.number}`, 60, 230, { size: 28 });
	text(ctx, `Date: ${INVOICE.date}`, 60, 275, { size: 28 });
	text(ctx, `Bill to: ${INVOICE.customer}`, 60, 320, { size: 28 });

	const columns = { description: 60, quantity: 640, unitPrice: 790, amount: 940 };
	text(ctx, 'Description', columns.description, 410, { size: 26, font: 'DejaVu Sans Bold' });
	text(ctx, 'Qty', columns.quantity, 410, { size: 26, font: 'DejaVu Sans Bold', align: 'right' });
	text(ctx, 'Price', columns.unitPrice, 410, { size: 26, font: 'DejaVu Sans Bold', align: 'right' });
	text(ctx, 'Amount', columns.amount, 410, { size: 26, font: 'DejaVu Sans Bold', align: 'right' });
	line(ctx, 60, 430, 940, 430);
	INVOICE.lines.forEach((item, index) => {
		const y = 485 + index * 60;
		text(ctx, item.description, columns.description, y, { size: 26 });
		text(ctx, String(item.quantity), columns.quantity, y, { size: 26, align: 'right' });
		text(ctx, item.unitPrice, columns.unitPrice, y, { size: 26, align: 'right' });
		text(ctx, item.amount, columns.amount, y, { size: 26, align: 'right' });
	});
	const totalsTop = 485 + INVOICE.lines.length * 60;
	line(ctx, 540, totalsTop - 25, 940, totalsTop - 25);
	text(ctx, 'Subtotal', 560, totalsTop + 25, { size: 26 });
	text(ctx, INVOICE.subtotal, 940, totalsTop + 25, { size: 26, align: 'right' });
	text(ctx, 'Tax 10%', 560, totalsTop + 75, { size: 26 });
	text(ctx, INVOICE.tax, 940, totalsTop + 75, { size: 26, align: 'right' });
	text(ctx, 'Total EUR', 560, totalsTop + 135, { size: 32, font: 'DejaVu Sans Bold' });
	text(ctx, INVOICE.total, 940, totalsTop + 135, { size: 32, font: 'DejaVu Sans Bold', align: 'right' });

	text(ctx, 'Payment due within 30 days. Thank you for your business!', 60, 1160, { size: 24, color: '#333333' });
	page.save('invoice.png');
}

function drawTable(): void {
	const columnWidths = [260, 200, 200, 240];
	const rowHeight = 70;
	const left = 40;
	const top = 40;
	const width = columnWidths.reduce((sum, w) => sum + w, 0);
	const rowCount = TABLE.rows.length + 2; // header + data rows + total row
	const page = newPage(left * 2 + width, top * 2 + rowCount * rowHeight);
	const { ctx } = page;
	const columnLeft = (column: number) => left + columnWidths.slice(0, column).reduce((sum, w) => sum + w, 0);
	const rowTop = (row: number) => top + row * rowHeight;
	const cellText = (value: string, row: number, column: number, bold = false) =>
		text(ctx, value, columnLeft(column) + 20, rowTop(row) + 46, { size: 28, font: bold ? 'DejaVu Sans Bold' : 'DejaVu Sans' });

	ctx.fillStyle = '#e8eef7';
	ctx.fillRect(left, top, width, rowHeight);
	TABLE.header.forEach((value, column) => cellText(value, 0, column, true));
	TABLE.rows.forEach((row, index) => row.forEach((value, column) => cellText(value, index + 1, column)));
	const totalRow = rowCount - 1;
	cellText(TABLE.totalLabel, totalRow, 0, true);
	cellText(TABLE.total, totalRow, 3, true);

	for (let row = 0; row <= rowCount; row++) line(ctx, left, rowTop(row), left + width, rowTop(row), 3);
	for (let column = 0; column <= columnWidths.length; column++) {
		const x = columnLeft(column);
		const mergedInTotalRow = column === 1 || column === 2;
		line(ctx, x, top, x, mergedInTotalRow ? rowTop(totalRow) : rowTop(rowCount), 3);
	}
	page.save('table.png');
}

function drawPassport(): void {
	const page = newPage(1250, 880, '#f4f1ea');
	const { ctx } = page;
	ctx.fillStyle = '#1d3557';
	ctx.fillRect(0, 0, 1250, 90);
	text(ctx, 'UTOPIA', 40, 62, { size: 40, font: 'DejaVu Sans Bold', color: '#ffffff' });
	text(ctx, 'PASSPORT  SPECIMEN', 1210, 62, { size: 34, font: 'DejaVu Sans Bold', color: '#ffffff', align: 'right' });

	// Photo placeholder: a plain silhouette, no real person.
	ctx.fillStyle = '#c9c4b8';
	ctx.fillRect(40, 130, 300, 390);
	ctx.fillStyle = '#8d877a';
	ctx.beginPath();
	ctx.arc(190, 270, 80, 0, Math.PI * 2);
	ctx.fill();
	ctx.fillRect(80, 380, 220, 140);

	const fields: Array<[string, string]> = [
		['Type / Code', `${PASSPORT.documentCode}   ${PASSPORT.issuingState}`],
		['Passport No.', PASSPORT.passportNumber],
		['Surname', PASSPORT.surname.toUpperCase()],
		['Given names', PASSPORT.givenNames.toUpperCase()],
		['Nationality', 'UTOPIAN'],
		['Date of birth', '17 MAR 1985'],
		['Sex', PASSPORT.sex],
		['Place of birth', PASSPORT.placeOfBirth.toUpperCase()],
		['Date of expiry', '22 SEP 2034'],
		['Authority', PASSPORT.authority],
	];
	fields.forEach(([label, value], index) => {
		const column = index % 2;
		const row = Math.floor(index / 2);
		const x = 390 + column * 420;
		const y = 150 + row * 80;
		text(ctx, label, x, y, { size: 20, color: '#555555' });
		text(ctx, value, x, y + 34, { size: 28, font: 'DejaVu Sans Bold' });
	});

	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 610, 1250, 270);
	const [mrz1, mrz2] = composeTd3(PASSPORT);
	text(ctx, mrz1, 625, 710, { size: 36, font: 'DejaVu Sans Mono', align: 'center' });
	text(ctx, mrz2, 625, 800, { size: 36, font: 'DejaVu Sans Mono', align: 'center' });
	page.save('passport.png');
}

function drawWebBanner(): void {
	const page = newPage(1100, 500, '#fff4e0');
	const { ctx } = page;
	ctx.fillStyle = '#ffd59a';
	ctx.fillRect(0, 0, 1100, 24);
	text(ctx, WEB_BANNER.headline, 70, 150, { size: 72, font: 'DejaVu Sans Bold', color: '#7a1f00' });
	text(ctx, WEB_BANNER.subline, 70, 230, { size: 38, color: '#3a2a1a' });
	ctx.fillStyle = '#1d3557';
	ctx.beginPath();
	ctx.roundRect(70, 280, 290, 90, 18);
	ctx.fill();
	text(ctx, WEB_BANNER.button, 215, 340, { size: 38, font: 'DejaVu Sans Bold', color: '#ffffff', align: 'center' });
	text(ctx, WEB_BANNER.footer, 70, 450, { size: 28, color: '#3a2a1a' });
	page.save('web-banner.png');
}

function drawHandwrittenNote(): void {
	const page = newPage(1000, 460, '#fffdf2');
	const { ctx } = page;
	for (let y = 120; y < 460; y += 110) line(ctx, 40, y + 12, 960, y + 12, 1, '#b9d3ee');
	HANDWRITTEN_NOTE.lines.forEach((value, index) => {
		// A small, fixed tilt and offset per line makes it look hand-written while staying reproducible.
		ctx.save();
		ctx.translate(70 + index * 14, 120 + index * 110);
		ctx.rotate((index % 2 === 0 ? -1 : 1) * 0.012);
		text(ctx, value, 0, 0, { size: 48, font: 'DejaVu Serif Italic', color: '#1a237e' });
		ctx.restore();
	});
	page.save('handwritten-note.png');
}

/** Rows of a ruled table (header first) from `top`; returns where the table ends. */
function drawRuledTable(ctx: SKRSContext2D, rows: ReadonlyArray<readonly string[]>, top: number): number {
	const columnWidths = [240, 400, 200];
	const rowHeight = 64;
	const left = 60;
	const width = columnWidths.reduce((sum, w) => sum + w, 0);
	const columnLeft = (column: number) => left + columnWidths.slice(0, column).reduce((sum, w) => sum + w, 0);
	ctx.fillStyle = '#e8eef7';
	ctx.fillRect(left, top, width, rowHeight);
	rows.forEach((row, index) =>
		row.forEach((value, column) =>
			text(ctx, value, columnLeft(column) + 18, top + index * rowHeight + 42, { size: 26, font: index === 0 ? 'DejaVu Sans Bold' : 'DejaVu Sans' }),
		),
	);
	const bottom = top + rows.length * rowHeight;
	for (let row = 0; row <= rows.length; row++) line(ctx, left, top + row * rowHeight, left + width, top + row * rowHeight, 3);
	for (let column = 0; column <= columnWidths.length; column++) line(ctx, columnLeft(column), top, columnLeft(column), bottom, 3);
	return bottom;
}

/** Three scanned pages (JPEG) in one PDF; no dates in the file, so it is the same on every run. */
async function drawScannedStatement(): Promise<void> {
	const pages = [0, 1, 2].map(() => newPage(960, 1240));
	text(pages[0].ctx, STATEMENT.title, 60, 110, { size: 44, font: 'DejaVu Sans Bold' });
	text(pages[0].ctx, `Statement ${STATEMENT.number}`, 60, 180, { size: 30 });
	text(pages[0].ctx, `Customer: ${STATEMENT.customer}`, 60, 230, { size: 30 });
	drawRuledTable(pages[0].ctx, [STATEMENT.header, ...STATEMENT.pages[0]], 300);
	drawRuledTable(pages[1].ctx, [STATEMENT.header, ...STATEMENT.pages[1]], 100);
	STATEMENT.closing.forEach((value, index) => text(pages[2].ctx, value, 60, 140 + index * 70, { size: 34 }));
	pages.forEach((page, index) => text(page.ctx, `Page ${index + 1} of 3`, 480, 1190, { size: 22, align: 'center', color: '#555555' }));

	const pdf = await PDFDocument.create({ updateMetadata: false });
	for (const page of pages) {
		const image = await pdf.embedJpg(page.jpeg());
		// 960 px over an A4-wide page: about 116 dpi.
		const pdfPage = pdf.addPage([595, (595 * 1240) / 960]);
		pdfPage.drawImage(image, { x: 0, y: 0, width: pdfPage.getWidth(), height: pdfPage.getHeight() });
	}
	const target = sampleImagePath('scanned-statement.pdf');
	writeFileSync(target, await pdf.save());
	console.log(`wrote ${path.relative(process.cwd(), target)} (3 pages)`);
}

drawInvoice();
drawTable();
drawPassport();
drawWebBanner();
drawHandwrittenNote();
void drawScannedStatement();
