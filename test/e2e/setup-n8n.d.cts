/** Types for setup-n8n.cjs (the cached Node 24 + n8n installer). */
export interface N8nLayout {
	root: string;
	version: string;
	nodeDir: string;
	n8nDir: string;
	marker: string;
	lock: string;
	nodeLock: string;
	n8nBin: string;
}

export interface VerifiedInstall extends N8nLayout {
	nodeDist: string;
	nodeBin: string;
}

/** The default n8n version (the 2.x line the package is developed against). */
export const N8N_VERSION: string;
/** The n8n versions `npm run test:e2e` runs on unless N8N_E2E_VERSIONS lists others. */
export const E2E_VERSIONS: string[];
export function cacheRoot(): string;
export function e2eVersions(env?: Record<string, string | undefined>): string[];
/** What `npm run n8n:setup` installs: the versions named, else N8N_E2E_VERSIONS' when set, else N8N_VERSION. */
export function versionsToInstall(args: string[], env?: Record<string, string | undefined>): string[];
export function layout(root?: string, version?: string): N8nLayout;
/** The verified install, or undefined when the marker is missing or the install does not work. */
export function verify(paths: N8nLayout): VerifiedInstall | undefined;
export function ensureN8n(version?: string): VerifiedInstall;
