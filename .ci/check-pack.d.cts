/** Types for check-pack.cjs (the npm pack content check). */
export function packProblems(files: string[], manifest: { n8n: { nodes: string[]; credentials: string[] } }): string[];
export function packedFiles(root?: string): string[];
