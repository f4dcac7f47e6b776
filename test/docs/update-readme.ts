/** `npm run docs`: regenerates the README sections from the catalog, hints and bench/results.json. */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { type BenchFile, renderReadme } from './readmeSections';

const root = join(__dirname, '..', '..');
const readmePath = join(root, 'README.md');
const resultsPath = join(root, 'bench', 'results.json');

const results = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchFile) : undefined;
writeFileSync(readmePath, renderReadme(readFileSync(readmePath, 'utf8'), results));
console.log(`README.md sections regenerated${results ? ` (bench figures from ${results.command})` : ''}`);
