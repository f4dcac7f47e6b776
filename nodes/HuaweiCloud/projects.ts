/** Project ids per identity and region: the cache the credential's checks and the node's lookups share, and how to pick one from IAM's answer. */
import { createHash } from 'crypto';

import { SingleFlightCache } from './cache';
import { identityLabel } from './credentialData';
import { iamBaseUrl } from './endpoints';
import { parseJsonBody } from './errors';
import type { HuaweiCredentialData, HuaweiErrorInfo } from './types';

export const PROJECT_TTL_MS = 24 * 60 * 60 * 1000;

export const projectIds = new SingleFlightCache<string>();

function digest(parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** Who calls (access key or user@domain), where IAM is, and which region: a project id is the same for all of their requests. */
export function projectCacheKey(cred: HuaweiCredentialData, region: string): string {
	return digest([cred.authType === 'password' ? 'user' : 'key', identityLabel(cred), iamBaseUrl(cred, region), region]);
}

export function rememberProjectId(cred: HuaweiCredentialData, region: string, projectId: string): void {
	projectIds.set(projectCacheKey(cred, region), projectId, PROJECT_TTL_MS);
}

export function cachedProjectId(cred: HuaweiCredentialData, region: string): string | undefined {
	return cred.projectId || projectIds.get(projectCacheKey(cred, region));
}

/** For tests: forget every cached project id. */
export function clearProjectCache(): void {
	projectIds.clear();
}

export interface IamProject {
	id: string;
	name: string;
}

export type ProjectChoice =
	| { ok: true; projectId: string }
	| { ok: false; error: HuaweiErrorInfo };

/** Picks the project of `region` from a `GET /v3/projects?name=` answer, or says exactly what to put in the Project ID field. */
export function chooseProject(body: unknown, region: string): ProjectChoice {
	const json = parseJsonBody(body);
	const listed = Array.isArray(json?.projects) ? (json?.projects as unknown[]) : [];
	const projects: IamProject[] = listed
		.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
		.map((p) => ({ id: String(p.id ?? ''), name: String(p.name ?? '') }))
		.filter((p) => p.id !== '');
	const exact = projects.filter((p) => p.name === region);
	const candidates = exact.length > 0 ? exact : projects;
	if (candidates.length === 1) return { ok: true, projectId: candidates[0].id };
	if (candidates.length === 0) {
		return {
			ok: false,
			error: {
				code: 'CREDENTIAL.NO_PROJECT',
				message: `IAM has no project named "${region}" for this account.`,
				hint: `Open region ${region} once in the Huawei Cloud console (this creates its default project), or copy the project ID of ${region} from My Credentials → API Credentials into the credential's Project ID field.`,
			},
		};
	}
	return {
		ok: false,
		error: {
			code: 'CREDENTIAL.SEVERAL_PROJECTS',
			message: `IAM lists ${candidates.length} projects for region "${region}".`,
			hint: `Put one of these into the credential's Project ID field: ${candidates.map((p) => `${p.id} (${p.name})`).join(', ')}.`,
		},
	};
}

