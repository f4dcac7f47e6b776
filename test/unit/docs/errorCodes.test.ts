/**
 * The README's error table lists every code the node can put on an error item: its own codes (found
 * in the source) and Huawei's (the ones the node knows by name and the ones the emulator answers with).
 */
import { filesUnder, readProjectFile } from '../../harness/repositoryFiles';

/** The text of every TypeScript file under `folder`. */
const sources = (folder: string) => filesUnder(folder, /\.ts$/).map(readProjectFile);

const HUAWEI_CODE = /^(AIS|APIG|ModelArts)\.\d{4}$/;

function matches(texts: string[], pattern: RegExp): string[] {
	return texts.flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1]));
}

/** Our own codes: `code: '…'` literals, `…_CODE = '…'` constants, and `PREFIX.${…}` families (as `PREFIX.*`). */
function ownCodes(texts: string[]): Set<string> {
	return new Set([
		...matches(texts, /\bcode: '([A-Za-z_.0-9]+)'/g),
		...matches(texts, /'(CREDENTIAL\.[A-Z_]+)'/g),
		...matches(texts, /_CODE = '([A-Za-z_.0-9]+)'/g),
		...matches(texts, /`([A-Z][A-Za-z]*)\.\$\{/g).map((prefix) => `${prefix}.*`),
	].filter((code) => !HUAWEI_CODE.test(code)));
}

const CANONICAL_PREFIX: Record<string, string> = { ais: 'AIS', apig: 'APIG', modelarts: 'ModelArts' };

/** Huawei error codes written anywhere (any case); `.0000` is a success code, not an error. */
function huaweiCodes(texts: string[]): Set<string> {
	return new Set(
		matches(texts, /'((?:AIS|APIG|ModelArts)\.\d{4})'/gi)
			.map((code) => `${CANONICAL_PREFIX[code.split('.')[0].toLowerCase()]}.${code.split('.')[1]}`)
			.filter((code) => !code.endsWith('.0000')),
	);
}

function readmeTableCodes(): Set<string> {
	const readme = readProjectFile('README.md');
	const section = readme.slice(readme.indexOf('<!-- BEGIN ERRORS -->'), readme.indexOf('<!-- END ERRORS -->'));
	return new Set(matches([section], /^\| `([^`]+)` \|/gm));
}

const nodeSources = [...sources('nodes'), ...sources('credentials')];
const documented = readmeTableCodes();

it('the README error table lists every code of the node itself', () => {
	const own = ownCodes(nodeSources);
	expect(own.size).toBeGreaterThan(15);
	for (const code of ['INVALID_INPUT', 'CREDENTIAL.INVALID_KEYS', 'REQUEST.REDIRECTED', 'NETWORK.*', 'HTTP.*', 'IAM.*']) expect(own).toContain(code);
	expect([...own].filter((code) => !documented.has(code)).sort()).toEqual([]);
});

it('the README error table lists every Huawei code the node knows or the emulator answers with', () => {
	const known = huaweiCodes([...nodeSources, ...sources('test/emulator')]);
	expect(known.size).toBeGreaterThan(20);
	expect([...known].filter((code) => !documented.has(code)).sort()).toEqual([]);
});

it('the README error table lists no code of our own that the node can no longer emit', () => {
	const own = ownCodes(nodeSources);
	expect([...documented].filter((code) => !HUAWEI_CODE.test(code) && !own.has(code)).sort()).toEqual([]);
});
