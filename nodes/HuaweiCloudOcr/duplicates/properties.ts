/** The Skip Duplicate Files option (an entry of the shared Options collection). */
import type { INodeProperties } from 'n8n-workflow';

export const DUPLICATE_MODES = {
	off: 'off',
	execution: 'execution',
	executions: 'executions',
} as const;

export type DuplicateMode = (typeof DUPLICATE_MODES)[keyof typeof DUPLICATE_MODES];

/** How many files Also Across Executions remembers per node (the oldest are forgotten first). */
export const REMEMBERED_FILES = 10_000;

export function duplicateOptionFields(): INodeProperties[] {
	return [
		{
			displayName: 'Skip Duplicate Files',
			name: 'skipDuplicates',
			type: 'options',
			default: 'off',
			description:
				'Whether to read a file only once when the same bytes come again with the same operation and recognition options. Copies cost nothing.',
			options: [
				{ name: 'Off', value: DUPLICATE_MODES.off, description: 'Every item is read (and billed)' },
				{
					name: 'In This Execution',
					value: DUPLICATE_MODES.execution,
					description: 'Identical files of one run are read once; each copy gets the same items, with duplicateOf set to the item that was read',
				},
				{
					name: 'Also Across Executions',
					value: DUPLICATE_MODES.executions,
					description: `Also remembers the last ${REMEMBERED_FILES.toLocaleString('en-US')} files of the active workflow (their SHA-256 only): a file read before comes out with duplicate (when and with which request ID it was read), without a call, on Needs Review when the node has it`,
				},
			],
		},
	];
}
