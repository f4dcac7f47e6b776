import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { iamBaseUrl } from './endpoints';
import { hintFor } from './hints';
import { PROJECT_TTL_MS, chooseProject, projectCacheKey, projectIds } from './projects';
import { errorInfoFromThrown } from './responses';
import { startSession } from './session';
import type { HuaweiCredentialData, HuaweiErrorInfo } from './types';

export { cachedProjectId, chooseProject, clearProjectCache, rememberProjectId } from './projects';

/** A failed project lookup as an item error that keeps the code, request ID and HTTP status of what failed. */
function lookupFailed(ctx: IExecuteFunctions, region: string, cred: HuaweiCredentialData, info: HuaweiErrorInfo): NodeOperationError {
	if (info.code.startsWith('CREDENTIAL.') || info.code === 'REQUEST.REDIRECTED') return withDetails(ctx, info);
	if (info.httpStatus === 403 && region !== cred.region) {
		return withDetails(ctx, {
			...info,
			code: 'CREDENTIAL.IAM_FORBIDDEN',
			message: `The project ID of region ${region} can't be looked up: this IAM user may not list projects (${info.code}: ${info.message}).`,
			hint: `Create a Huawei Cloud API credential for region ${region} with its Project ID (My Credentials → API Credentials) and use it for this region, or grant the user IAM read access.`,
		});
	}
	const hint = info.hint ?? hintFor(info, { region });
	return withDetails(ctx, {
		...info,
		message: `Could not look up the project ID of region ${region}: ${info.message} (${info.code})`,
		hint: [hint, "You can also put the project ID into the credential's Project ID field (My Credentials → API Credentials)."].filter(Boolean).join(' '),
	});
}

function withDetails(ctx: IExecuteFunctions, info: HuaweiErrorInfo): NodeOperationError {
	const error = new NodeOperationError(ctx.getNode(), info.message, {
		description: [info.hint, info.requestId ? `Request ID: ${info.requestId}.` : ''].filter(Boolean).join(' '),
	});
	error.context.huaweiError = info as unknown as IDataObject;
	return error;
}

/**
 * The project id to put in OCR URLs: in the credential's region its Project ID, else the project
 * the stored IAM token is scoped to; otherwise looked up with `GET {iam}/v3/projects?name={region}`
 * (signed, or with the IAM token), cached per identity and region, one lookup at a time per key.
 */
export async function resolveProjectId(ctx: IExecuteFunctions, cred: HuaweiCredentialData, region: string): Promise<string> {
	if (region === cred.region && cred.projectId) return cred.projectId;
	if (region === cred.region && cred.authType === 'password' && cred.tokenProjectId) return cred.tokenProjectId;
	const key = projectCacheKey(cred, region);
	const cached = projectIds.get(key);
	if (cached) return cached;

	return await projectIds.load(key, async () => {
		// The credential's own checks (shared and single-flight with preAuthentication) find the
		// project as a side effect: access keys list it, a password token is scoped to it.
		if (region === cred.region) {
			try {
				await startSession(async (options) => await ctx.helpers.httpRequest(options), cred);
			} catch (error) {
				throw lookupFailed(ctx, region, cred, errorInfoFromThrown(error));
			}
		}
		const found = projectIds.get(key);
		if (found) return found;
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${iamBaseUrl(cred, region)}/v3/projects`,
			qs: { name: region },
			returnFullResponse: true,
			encoding: 'text',
			json: false,
			disableFollowRedirect: true,
		};
		let body: unknown;
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'huaweiCloudApi', options)) as { body: unknown };
			body = response.body;
		} catch (error) {
			throw lookupFailed(ctx, region, cred, errorInfoFromThrown(error));
		}
		const choice = chooseProject(body, region);
		if (!choice.ok) {
			throw withDetails(ctx, choice.error);
		}
		projectIds.set(key, choice.projectId, PROJECT_TTL_MS);
		return choice.projectId;
	});
}
