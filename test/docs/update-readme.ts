/** `npm run docs`: regenerates the README sections from the catalog, hints and bench/results.json. */
import { join } from 'path';

import { regenerateReadme } from './regenerateReadme';

const results = regenerateReadme(join(__dirname, '..', '..'));
console.log(`README.md sections regenerated${results ? ` (bench figures from ${results.command})` : ''}`);
