/** Does the caller own the project in the path? (AK/SK: the key's account; token: the token's project.) */
import type { AuthResult } from '../auth';
import { errors } from '../errors';

export function checkProjectOwnership(auth: AuthResult, projectId: string, headerProjectId: string | undefined): void {
	if (auth.identity.type === 'token') {
		const scoped = auth.token?.project;
		if (!scoped) throw errors.tokenNotProjectScoped();
		// The reference names APIG.0307 for a token used in another project/region.
		if (scoped.id !== projectId) throw errors.tokenMustBeUpdated('token-for-other-project');
		return;
	}
	// Assumption (unverified): the gateway reports a foreign project as an IAM authentication failure.
	const owns = auth.account.projects.some((project) => project.id === projectId);
	if (!owns) throw errors.auth('project id does not match the access key', 'project-not-owned');
	if (headerProjectId !== undefined && headerProjectId.trim() !== projectId) {
		throw errors.auth('x-project-id does not match the project in the URL', 'x-project-id-mismatch');
	}
}
