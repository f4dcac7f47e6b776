import type { INodeProperties } from 'n8n-workflow';

/** Options that change where and how the request is sent (inside the shared Options collection). */
export function requestOptionFields(): INodeProperties[] {
	return [
		{
			displayName: 'Region',
			name: 'region',
			type: 'string',
			default: '',
			placeholder: 'e.g. ap-southeast-3',
			description:
				"Region ID to call instead of the credential's region (lower-case letters, digits and hyphens), e.g. when the operation is only offered elsewhere. Works with AK/SK credentials; the project of that region is looked up through IAM, not taken from the credential's Project ID.",
		},
		{
			displayName: 'Enterprise Project ID',
			name: 'enterpriseProjectId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0aa9a0ff-9a44-4b79-b0a9-3b6c1f6b6b0f',
			description:
				'Enterprise project the calls are billed to (Enterprise Project Management). Leave empty to bill the default project.',
		},
	];
}
