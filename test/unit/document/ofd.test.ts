import * as zlib from '../../nodejs/zlib.cjs';

import { ofdPageCount } from '../../../nodes/HuaweiCloudOcr/document';
import { ofd as detectionFixture, u16le as u16, u32le as u32 } from '../../fixtures/syntheticFiles';
import { problemOf } from './documentProblem';

interface Entry {
	name: string;
	text: string;
	deflate?: boolean;
}

function u64(value: number): Buffer {
	const buffer = Buffer.alloc(8);
	buffer.writeBigUInt64LE(BigInt(value));
	return buffer;
}

const SATURATED = 0xffffffff;

/**
 * A ZIP written like OFD producers do: deflated or stored entries, optionally with a data descriptor
 * (local sizes 0), or as Zip64 (sizes, offsets and counts saturated, the real ones in Zip64 records).
 */
function zip(entries: Entry[], opts: { dataDescriptor?: boolean; comment?: string; zip64?: boolean } = {}): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const raw = Buffer.from(entry.text);
		const data = entry.deflate ? zlib.deflateRawSync(raw) : raw;
		const method = entry.deflate ? 8 : 0;
		const name = Buffer.from(entry.name);
		const crc = zlib.crc32 ? zlib.crc32(raw) : 0;
		const flags = opts.dataDescriptor ? 0x08 : 0;
		const localSizes = opts.dataDescriptor ? [u32(0), u32(0), u32(0)] : [u32(crc), u32(data.length), u32(raw.length)];
		const local = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0), ...localSizes, u16(name.length), u16(0), name, data]);
		const descriptor = opts.dataDescriptor ? Buffer.concat([u32(0x08074b50), u32(crc), u32(data.length), u32(raw.length)]) : Buffer.alloc(0);
		const wide = opts.zip64 ? Buffer.concat([u16(1), u16(24), u64(raw.length), u64(data.length), u64(offset)]) : Buffer.alloc(0);
		const [compressed, uncompressed, at] = opts.zip64 ? [SATURATED, SATURATED, SATURATED] : [data.length, raw.length, offset];
		centrals.push(
			Buffer.concat([
				u32(0x02014b50), u16(45), u16(45), u16(flags), u16(method), u16(0), u16(0), u32(crc), u32(compressed), u32(uncompressed),
				u16(name.length), u16(wide.length), u16(0), u16(0), u16(0), u32(0), u32(at), name, wide,
			]),
		);
		locals.push(local, descriptor);
		offset += local.length + descriptor.length;
	}
	const central = Buffer.concat(centrals);
	const comment = Buffer.from(opts.comment ?? '');
	if (!opts.zip64) {
		const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length), u32(offset), u16(comment.length), comment]);
		return Buffer.concat([...locals, central, end]);
	}
	const record = Buffer.concat([
		u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(entries.length), u64(entries.length), u64(central.length), u64(offset),
	]);
	const locator = Buffer.concat([u32(0x07064b50), u32(0), u64(offset + central.length), u32(1)]);
	const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(SATURATED), u32(SATURATED), u16(comment.length), comment]);
	return Buffer.concat([...locals, central, record, locator, end]);
}

const OFD_XML = (docRoot: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>${docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;

function documentXml(pages: number, prefix = 'ofd:'): string {
	const list = Array.from({ length: pages }, (_, index) => `<${prefix}Page ID="${index + 10}" BaseLoc="Pages/Page_${index}/Content.xml"/>`).join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?><${prefix}Document xmlns:ofd="http://www.ofdspec.org/2016"><${prefix}CommonData><${prefix}PageArea><${prefix}PhysicalBox>0 0 210 297</${prefix}PhysicalBox></${prefix}PageArea></${prefix}CommonData><${prefix}Pages>${list}</${prefix}Pages></${prefix}Document>`;
}

function ofdPackage(pages: number, opts: { deflate?: boolean; dataDescriptor?: boolean; docRoot?: string; prefix?: string; zip64?: boolean } = {}): Buffer {
	const docRoot = opts.docRoot ?? 'Doc_0/Document.xml';
	return zip(
		[
			{ name: 'OFD.xml', text: OFD_XML(docRoot), deflate: opts.deflate },
			{ name: docRoot.replace(/^\//, ''), text: documentXml(pages, opts.prefix), deflate: opts.deflate },
			...Array.from({ length: pages }, (_, index) => ({ name: `Doc_0/Pages/Page_${index}/Content.xml`, text: '<ofd:Page/>', deflate: true })),
		],
		{ dataDescriptor: opts.dataDescriptor, zip64: opts.zip64, comment: 'made by a test' },
	);
}

describe('ofdPageCount', () => {
	it.each([1, 3, 17])('deflated entries: %i pages', (pages) => {
		expect(ofdPageCount(ofdPackage(pages, { deflate: true }))).toBe(pages);
	});

	it('stored entries', () => {
		expect(ofdPageCount(ofdPackage(4))).toBe(4);
	});

	it('entries written with data descriptors (sizes only in the central directory)', () => {
		expect(ofdPageCount(ofdPackage(5, { deflate: true, dataDescriptor: true }))).toBe(5);
	});

	it('a Zip64 package (sizes, offsets and the entry count in the Zip64 records), with and without data descriptors', () => {
		expect(ofdPageCount(ofdPackage(6, { deflate: true, zip64: true }))).toBe(6);
		expect(ofdPageCount(ofdPackage(2, { deflate: true, zip64: true, dataDescriptor: true }))).toBe(2);
	});

	it('a DocRoot with a leading slash and a namespace prefix other than ofd:', () => {
		expect(ofdPageCount(ofdPackage(2, { deflate: true, docRoot: '/Doc_0/Document.xml', prefix: 'x:' }))).toBe(2);
	});

	it('counts <ofd:Page> entries only, not <ofd:Pages> nor templates', () => {
		const bytes = zip([
			{ name: 'OFD.xml', text: OFD_XML('Doc_0/Document.xml'), deflate: true },
			{
				name: 'Doc_0/Document.xml',
				text: '<ofd:Document><ofd:CommonData><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="3" BaseLoc="a"/><ofd:Page ID="4" BaseLoc="b"></ofd:Page></ofd:Pages></ofd:Document>',
				deflate: true,
			},
		]);
		expect(ofdPageCount(bytes)).toBe(2);
	});

	it('an OFD with no pages is refused', () => {
		expect(problemOf(() => ofdPageCount(ofdPackage(0, { deflate: true }))).found).toMatch(/has no pages/);
	});

	it('the detection fixture (OFD.xml without a DocRoot) is refused, saying what is missing', () => {
		expect(problemOf(() => ofdPageCount(detectionFixture())).found).toMatch(/no DocRoot/);
	});

	it('a package whose Document.xml is missing is refused', () => {
		const bytes = zip([{ name: 'OFD.xml', text: OFD_XML('Doc_0/Document.xml'), deflate: true }]);
		expect(problemOf(() => ofdPageCount(bytes)).found).toMatch(/has no Doc_0\/Document.xml/);
	});

	it('a truncated package (no central directory) is refused as cut off', () => {
		const bytes = ofdPackage(3, { deflate: true });
		expect(problemOf(() => ofdPageCount(bytes.subarray(0, bytes.length - 200))).found).toMatch(/cut off|broken/);
	});

	it('a deflated entry whose data is damaged is refused', () => {
		const bytes = Buffer.from(ofdPackage(3, { deflate: true }));
		// Corrupt the compressed OFD.xml (the first entry's data starts after its 30-byte header and 7-byte name).
		bytes.fill(0xff, 37, 60);
		expect(problemOf(() => ofdPageCount(bytes)).found).toMatch(/damaged/);
	});
});
