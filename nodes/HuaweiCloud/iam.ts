import { createHash } from 'crypto';
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { SingleFlightCache } from './cache';
import { identityLabel } from './credentialData';
import { iamBaseUrl } from './endpoints';
import { hintFor } from './hints';
import { errorInfoFromThrown } from './responses';
import { parseJsonBody } from './errors';
import type { HuaweiCredentialData, HuaweiErrorInfo } from './types';

const PROJECT_TTL_MS = 24 * 60 * 60 * 1000;

const projectIds = new SingleFlightCache<string>();

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

/**
 * The project id to put in OCR URLs: the credential's, else looked up with
 * `GET {iam}/v3/projects?name={region}` (signed, or with the IAM token), cached per identity and
 * region, one lookup at a time per key.
 */
export async function resolveProjectId(ctx: IExecuteFunctions, cred: HuaweiCredentialData, region: string): Promise<string> {
	if (cred.projectId) return cred.projectId;
	const key = projectCacheKey(cred, region);
	const cached = projectIds.get(key);
	if (cached) return cached;

	return await projectIds.load(key, async () => {
		const again = projectIds.get(key);
		if (again) return again;
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${iamBaseUrl(cred, region)}/v3/projects`,
			qs: { name: region },
			returnFullResponse: true,
			encoding: 'text',
			json: false,
		};
		let body: unknown;
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'huaweiCloudApi', options)) as { body: unknown };
			body = response.body;
		} catch (error) {
			const info = errorInfoFromThrown(error);
			const hint = info.hint ?? hintFor(info, { region, authType: cred.authType });
			throw new NodeOperationError(ctx.getNode(), `Could not look up the project ID of region ${region}: ${info.message} (${info.code})`, {
				description: [hint, info.requestId ? `Request ID: ${info.requestId}.` : '', 'You can also put the project ID into the credential\'s Project ID field (My Credentials → API Credentials).']
					.filter(Boolean)
					.join(' '),
			});
		}
		const choice = chooseProject(body, region);
		if (!choice.ok) {
			throw new NodeOperationError(ctx.getNode(), choice.error.message, { description: choice.error.hint });
		}
		projectIds.set(key, choice.projectId, PROJECT_TTL_MS);
		return choice.projectId;
	});
}
