/**
 * Fuzz cases that once failed, kept as files (test/fuzz/regressions/case-<case seed>.bin), so they
 * stay failures of the old code whatever later changes to the mutator do to their seeds. Each must
 * now end as a result or as the reader's own DocumentProblem within the per-case bounds.
 * Findings and their history: /work/wt/notes/fuzz-findings.md at the time (issue 17).
 */
import { readFileSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';

import { measureReaders, measureWithinBounds } from './runner';
import type { SeedKind } from './seeds';

interface Regression {
	caseSeed: number;
	kind: SeedKind;
	/** What the case did before the fix. */
	was: string;
}

const REGRESSIONS: Regression[] = [
	{ caseSeed: 2944969513, kind: 'pdf', was: 'openPdf threw PdfSyntaxError "no document catalog found" (from the rebuild after an empty page tree)' },
	{ caseSeed: 3232858075, kind: 'pdf', was: 'object stream /N 74710888: Node aborted, heap out of memory' },
	{ caseSeed: 3660749949, kind: 'pdf', was: 'object stream /N 2147483647: Node aborted, heap out of memory' },
	{ caseSeed: 2463975967, kind: 'pdf', was: 'a number changed to 4294967295: Node aborted, heap out of memory' },
	{ caseSeed: 1256177466, kind: 'pdf', was: 'predictor parameter -1: openPdf threw RangeError (Buffer size -Infinity in pngPredictor)' },
	{ caseSeed: 1425888363, kind: 'ofd', was: '<ofd:DocRoot> and 20,000 spaces in OFD.xml (stored): hung over 60 s (DocRoot regex backtracking)' },
	{ caseSeed: 1799346931, kind: 'ofd', was: '<ofd:DocRoot> and 20,000 spaces in OFD.xml (deflated): hung over 60 s' },
	{ caseSeed: 3154065026, kind: 'ofd', was: '<ofd:DocRoot> and 20,000 spaces in OFD.xml: hung over 60 s' },
	{ caseSeed: 1170245658, kind: 'ofd', was: '<ofd:DocRoot> and 2,000 spaces in OFD.xml: 1,008 ms of CPU' },
];

describe('fuzz regressions', () => {
	it.each(REGRESSIONS)('case $caseSeed ($kind) — was: $was', ({ caseSeed, kind }) => {
		const bytes = readFileSync(join(module.path, 'regressions', `case-${caseSeed}.bin`));
		const { kept, brokenBounds } = measureWithinBounds(() => measureReaders({ kind, name: `regression ${caseSeed}`, bytes }, bytes));
		expect(kept.calls.filter((call) => call.outcome === 'failure')).toEqual([]);
		expect(brokenBounds).toEqual([]);
	});
});
