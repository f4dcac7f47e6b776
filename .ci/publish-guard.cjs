#!/usr/bin/env node
// prepublishOnly: the package is published only by .github/workflows/publish.yml, which runs the
// whole CI first and signs the release with npm provenance (n8n's verification of community nodes
// requires it). A `npm publish` from anywhere else is refused, saying how to release.
'use strict';

const WORKFLOW = '.github/workflows/publish.yml';

/** Why this environment is not the provenance workflow, or undefined when it is. */
function refusal(env) {
	if (env.GITHUB_ACTIONS !== 'true') return 'this is not GitHub Actions';
	if (!(env.GITHUB_WORKFLOW_REF ?? '').includes(`/${WORKFLOW}@refs/tags/v`)) {
		return `the workflow is ${env.GITHUB_WORKFLOW_REF || 'unknown'}, not ${WORKFLOW} on a version tag`;
	}
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) return 'the job has no id-token permission, so npm cannot sign the provenance';
	return undefined;
}

function main() {
	const reason = refusal(process.env);
	if (reason === undefined) return 0;
	process.stderr.write(
		[
			`npm publish refused: ${reason}.`,
			`This package is published only by ${WORKFLOW}: it runs the whole CI (.ci/run) and publishes`,
			'with npm provenance, which n8n requires to verify a community node. To release: move the',
			'CHANGELOG "Unreleased" entries under the new version, set "version" in package.json, commit,',
			'and push the tag v<version> (README, "Publishing").',
			'',
		].join('\n'),
	);
	return 1;
}

if (require.main === module) process.exitCode = main();

module.exports = { refusal };
