import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { iamBaseUrl } from './endpoints';
import { hintFor } from './hints';
import { PROJECT_TTL_MS, chooseProject, projectCacheKey, projectIds } from './projects';
import { errorInfoFromThrown } from './responses';
import { startSession } from './session';
import type { HuaweiCredentialData, HuaweiErrorInfo } from './types';

export { cachedProjectId, chooseProject, clearProjectCache, rememberProjectId } from './projects';

function lookupFailed(ctx: IExecuteFunctions, region: string, info: HuaweiErrorInfo): NodeOperationError {
	const hint = info.hint ?? hintFor(info, { region });
	return new NodeOperationError(ctx.getNode(), `Could not look up the project ID of region ${region}: ${info.message} (${info.code})`, {
		description: [hint, info.requestId ? `Request ID: ${info.requestId}.` : '', "You can also put the project ID into the credential's Project ID field (My Credentials → API Credentials)."]
			.filter(Boolean)
			.join(' '),
	});
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
		// The credential's own checks (shared and single-flight with preAuthentication) find the
		// project as a side effect: access keys list it, a password token is scoped to it.
		if (region === cred.region && (cred.authType !== 'password' || cred.sessionToken === '')) {
			try {
				await startSession(async (options) => await ctx.helpers.httpRequest(options), cred);
			} catch (error) {
				throw lookupFailed(ctx, region, errorInfoFromThrown(error));
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
		};
		let body: unknown;
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'huaweiCloudApi', options)) as { body: unknown };
			body = response.body;
		} catch (error) {
			throw lookupFailed(ctx, region, errorInfoFromThrown(error));
		}
		const choice = chooseProject(body, region);
		if (!choice.ok) {
			throw new NodeOperationError(ctx.getNode(), choice.error.message, { description: choice.error.hint });
		}
		projectIds.set(key, choice.projectId, PROJECT_TTL_MS);
		return choice.projectId;
	});
}
