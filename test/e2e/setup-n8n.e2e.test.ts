/** The n8n cache is trusted only when it is complete and works; anything else is installed again. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from '../nodejs/fs.cjs';
import { tmpdir } from '../nodejs/os.cjs';
import { dirname, join } from '../nodejs/path.cjs';

import { n8nVersion } from './n8n.cjs';
import { cacheRoot, e2eVersions, ensureN8n, layout, N8N_VERSION, verify } from './setup-n8n.cjs';
import type { N8nLayout, VerifiedInstall } from './setup-n8n.cjs';

describe(`the cached n8n ${n8nVersion()} install`, () => {
	const version = n8nVersion();
	let real: VerifiedInstall;
	let root: string;
	let fake: N8nLayout;

	beforeAll(() => {
		real = ensureN8n(version);
	});

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'hwocr-n8n-cache-'));
		fake = layout(root, version);
		// A copy of the install's skeleton: the real Node 24 and n8n's manifest, but only what we choose.
		mkdirSync(fake.nodeDir, { recursive: true });
		symlinkSync(join(real.nodeDir, 'node_modules'), join(fake.nodeDir, 'node_modules'));
		mkdirSync(join(fake.n8nDir, 'node_modules', 'n8n', 'bin'), { recursive: true });
		cpSync(join(real.n8nDir, 'node_modules', 'n8n', 'package.json'), join(fake.n8nDir, 'node_modules', 'n8n', 'package.json'));
		writeFileSync(fake.n8nBin, '');
	});

	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('accepts the real install, which runs Node 24 and loads the sqlite3 binding', () => {
		expect(verify(layout(real.root, version))).toMatchObject({ nodeBin: real.nodeBin, n8nBin: real.n8nBin });
		expect(real.n8nDir).toBe(join(cacheRoot(), `n8n-${version}`));
	});

	it('keeps one folder and one completion marker per n8n version, sharing Node 24', () => {
		const [current, older] = [layout(root, N8N_VERSION), layout(root, '1.123.81')];
		expect(current.n8nDir).not.toBe(older.n8nDir);
		expect(current.marker).not.toBe(older.marker);
		expect(current.lock).not.toBe(older.lock);
		expect(current.nodeDir).toBe(older.nodeDir);
	});

	it('does not trust an install of another n8n version', () => {
		symlinkSync(join(real.n8nDir, 'node_modules', 'sqlite3'), join(fake.n8nDir, 'node_modules', 'sqlite3'));
		const other = { ...fake, version: version === N8N_VERSION ? '1.123.81' : N8N_VERSION };
		writeFileSync(fake.marker, '{}');
		expect(verify(other)).toBeUndefined();
	});

	it('runs the versions N8N_E2E_VERSIONS lists, else the current 2.x, the newest 1.x and the oldest supported', () => {
		expect(e2eVersions({})).toEqual([N8N_VERSION, '1.123.81', '1.100.1']);
		expect(e2eVersions({ N8N_E2E_VERSIONS: ' 1.123.81 ,2.41.1' })).toEqual(['1.123.81', '2.41.1']);
		expect(() => e2eVersions({ N8N_E2E_VERSIONS: 'latest' })).toThrow(/exact versions like 1\.123\.81, not: latest/);
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
