/** The n8n cache is trusted only when it is complete and works; anything else is installed again. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { ensureN8n, layout, N8N_VERSION, verify } from './setup-n8n.cjs';
import type { N8nLayout, VerifiedInstall } from './setup-n8n.cjs';

describe('the cached n8n install', () => {
	let real: VerifiedInstall;
	let root: string;
	let fake: N8nLayout;

	beforeAll(() => {
		real = ensureN8n();
	});

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'hwocr-n8n-cache-'));
		fake = layout(root);
		// A copy of the install's skeleton: the real Node 24 and n8n's manifest, but only what we choose.
		mkdirSync(fake.nodeDir, { recursive: true });
		symlinkSync(join(real.nodeDir, 'node_modules'), join(fake.nodeDir, 'node_modules'));
		mkdirSync(join(fake.n8nDir, 'node_modules', 'n8n', 'bin'), { recursive: true });
		cpSync(join(real.n8nDir, 'node_modules', 'n8n', 'package.json'), join(fake.n8nDir, 'node_modules', 'n8n', 'package.json'));
		writeFileSync(fake.n8nBin, '');
	});

	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('accepts the real install, which runs Node 24 and loads the sqlite3 binding', () => {
		expect(verify(layout(real.root))).toMatchObject({ nodeBin: real.nodeBin, n8nBin: real.n8nBin });
		expect(N8N_VERSION).toBe('2.41.1');
	});

	it('does not trust an install without its completion marker', () => {
		symlinkSync(join(real.n8nDir, 'node_modules', 'sqlite3'), join(fake.n8nDir, 'node_modules', 'sqlite3'));
		expect(verify(fake)).toBeUndefined();
		writeFileSync(fake.marker, '{}');
		expect(verify(fake)).toMatchObject({ n8nBin: fake.n8nBin });
	});

	it('does not trust a marked install whose sqlite3 binding is missing', () => {
		writeFileSync(fake.marker, '{}');
		expect(verify(fake)).toBeUndefined();
	});

	it('does not trust a marked install whose sqlite3 binding cannot be loaded', () => {
		const sqlite = join(fake.n8nDir, 'node_modules', 'sqlite3');
		cpSync(join(real.n8nDir, 'node_modules', 'sqlite3'), sqlite, { recursive: true, dereference: true });
		for (const dependency of ['bindings', 'file-uri-to-path']) {
			symlinkSync(join(real.n8nDir, 'node_modules', dependency), join(fake.n8nDir, 'node_modules', dependency));
		}
		const binding = join(sqlite, 'build', 'Release', 'node_sqlite3.node');
		mkdirSync(dirname(binding), { recursive: true });
		writeFileSync(binding, 'not an ELF file');
		writeFileSync(fake.marker, '{}');
		expect(verify(fake)).toBeUndefined();
	});
});
