/**
 * The node's versions. Saved workflows keep the typeVersion they were built with, and n8n runs
 * them with that version's parameters, so a breaking change (a renamed parameter, a new default,
 * a removed option) ships as a new version instead of changing what v1 means. How to add one: the
 * README's "Versioning" section; test/unit/node/versions.test.ts pins v1's parameters.
 */
/**
 * 1.1: new nodes get the Needs Review output (the Needs Review Output switch is on by default; off in 1),
 * row items hold only the table and `_table`, `_row`, `page` (1 also puts `requestId` on every row, as
 * released in 0.1.0), and every other item says what it cost in `cost`.
 */
export const NODE_VERSIONS = [1, 1.1];

/** Whether the node runs with 1.1's output: clean rows and `cost` (saved v1 nodes keep 0.1.0's items). */
export function hasCostAndCleanRows(typeVersion: number): boolean {
	return typeVersion >= 1.1;
}

/** What a node newly added to a workflow gets. */
export const DEFAULT_VERSION = NODE_VERSIONS[NODE_VERSIONS.length - 1];
