/** Types for setup-n8n.cjs (the cached Node 24 + n8n installer). */
export interface N8nLayout {
	root: string;
	nodeDir: string;
	n8nDir: string;
	marker: string;
	lock: string;
	n8nBin: string;
}

export interface VerifiedInstall extends N8nLayout {
	nodeDist: string;
	nodeBin: string;
}

export const N8N_VERSION: string;
export function layout(root?: string): N8nLayout;
/** The verified install, or undefined when the marker is missing or the install does not work. */
export function verify(paths: N8nLayout): VerifiedInstall | undefined;
export function ensureN8n(): VerifiedInstall;
