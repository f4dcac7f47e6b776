/** `npm run docs`: regenerates the README sections from the catalog, hints and bench/results.json. */
import { join } from '../nodejs/path.cjs';
import console from '../nodejs/console.cjs';

import { regenerateReadme } from './regenerateReadme';

const results = regenerateReadme(join(module.path, '..', '..'));
console.log(`README.md sections regenerated${results ? ` (bench figures from ${results.command})` : ''}`);
