/**
 * Files read by earlier executions, kept in the workflow's static data (n8n saves it after each
 * production execution of an active workflow, never after a manual one). Only fingerprints, the time
 * and the request ID are kept: no document content. The memory is bounded; the oldest go first.
 */
import type { IDataObject } from 'n8n-workflow';

import { REMEMBERED_FILES } from './properties';

/** What a repeated file's item says about its first read. */
export interface FirstRead {
	firstSeenAt: string;
	requestId: string | null;
}

/** `[fingerprint, firstSeenAt, requestId]`, oldest first. */
type Entry = [string, string, string | null];

const STATIC_KEY = 'readFiles';

function entriesOf(staticData: IDataObject): Entry[] {
	const stored = staticData[STATIC_KEY];
	if (!Array.isArray(stored)) return [];
	return stored.filter(
		(entry): entry is Entry => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
	);
}

export class ReadFiles {
	/** What earlier executions read: files read during this execution are not duplicates "across" executions. */
	private readonly earlier: Map<string, FirstRead>;
	private readonly entries: Entry[];
	private readonly known: Set<string>;

	constructor(
		private readonly staticData: IDataObject,
		private readonly limit = REMEMBERED_FILES,
	) {
		this.entries = entriesOf(staticData).map((entry) => [entry[0], entry[1], entry[2] ?? null]);
		this.known = new Set(this.entries.map(([fingerprint]) => fingerprint));
		this.earlier = new Map(this.entries.map(([fingerprint, firstSeenAt, requestId]) => [fingerprint, { firstSeenAt, requestId: requestId ?? null }]));
	}

	readBefore(fingerprint: string): FirstRead | undefined {
		return this.earlier.get(fingerprint);
	}

	remember(fingerprint: string, requestId: string | undefined, at: Date): void {
		if (this.known.has(fingerprint)) return;
		this.known.add(fingerprint);
		this.entries.push([fingerprint, at.toISOString(), requestId ?? null]);
		if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
		// Assigned (not only pushed), so that n8n's change tracking of static data sees the write.
		this.staticData[STATIC_KEY] = this.entries as unknown as IDataObject[];
	}
}
