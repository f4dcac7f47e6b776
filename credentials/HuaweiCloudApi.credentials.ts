import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { authenticateRequest } from '../nodes/HuaweiCloud/auth';
import { toCredentialData } from '../nodes/HuaweiCloud/credentialData';
import { OCR_REGIONS, regionLabel } from '../nodes/HuaweiCloud/regions';
import { CREDENTIAL_TEST_URL, credentialTestRequest, preAuthenticate } from '../nodes/HuaweiCloud/session';

const ACCESS_KEY_AUTH = ['accessKey', 'temporaryAccessKey'];

const regionOptions = [
	...OCR_REGIONS.map((region) => ({ name: regionLabel(region), value: region.id })),
	{ name: 'Custom', value: 'custom' },
].sort((a, b) => (a.name < b.name ? -1 : 1));

export class HuaweiCloudApi implements ICredentialType {
	name = 'huaweiCloudApi';

	displayName = 'Huawei Cloud API';

	documentationUrl = 'https://github.com/n8n-nodes-huaweicloud-ocr/n8n-nodes-huaweicloud-ocr#credentials';

	icon: Icon = { light: 'file:../nodes/HuaweiCloud/huaweicloud.svg', dark: 'file:../nodes/HuaweiCloud/huaweicloud.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'AK/SK',
					value: 'accessKey',
					description: 'Permanent access keys (My Credentials → Access Keys); every request is signed',
				},
				{
					name: 'IAM User Password',
					value: 'password',
					description: 'An IAM user signs in and the credential uses its project-scoped token',
				},
				{
					name: 'Temporary AK/SK + Security Token',
					value: 'temporaryAccessKey',
					description: 'Temporary access keys with their security token (they expire)',
				},
			],
			default: 'accessKey',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: regionOptions,
			default: 'ap-southeast-1',
			description: 'Region of the OCR service to call; each OCR API must be enabled in this region',
		},
		{
			displayName: 'Custom Region',
			name: 'customRegion',
			type: 'string',
			default: '',
			placeholder: 'e.g. eu-west-101',
			description: 'Region ID such as eu-west-101 (lower-case letters, digits and hyphens), used in the endpoints and to find the project',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0123456789abcdef0123456789abcdef',
			description: "Project of the credential's region (My Credentials → API Credentials), used for that region only. Leave empty to look it up through IAM; fill it in when the IAM user may not list projects.",
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ACCESS_KEY_AUTH } },
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ACCESS_KEY_AUTH } },
		},
		{
			displayName: 'Security Token',
			name: 'securityToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The securitytoken that came with the temporary access key',
			displayOptions: { show: { authType: ['temporaryAccessKey'] } },
		},
		{
			displayName: 'Account Name',
			name: 'domainName',
			type: 'string',
			default: '',
			required: true,
			description: 'Name of the account that owns the IAM user (for the account itself, the same as the user name)',
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'IAM User Name',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'OCR Endpoint',
			name: 'ocrEndpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://ocr.{region}.myhuaweicloud.com',
			description: 'Override for other clouds, private endpoints or a local emulator; {region} is replaced. Leave empty for the public endpoint.',
		},
		{
			displayName: 'IAM Endpoint',
			name: 'iamEndpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://iam.{region}.myhuaweicloud.com',
			description: 'Override for other clouds, private endpoints or a local emulator; {region} is replaced. Leave empty for the public endpoint.',
		},
		{
			displayName: 'Account Max Requests per Second',
			name: 'accountMaxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"Most OCR calls per second for this account, region and API, shared by every execution and OCR node of one n8n process (in queue mode, per worker: give each worker its share of the account's limit). 0 means no limit: the node slows down when Huawei Cloud throttles.",
		},
		{
			displayName: 'Account Max Concurrent Requests',
			name: 'accountMaxConcurrency',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"Most OCR calls in flight at once for this account, region and API, shared by every execution of one n8n process (in queue mode, per worker). Each node's Max Concurrent Requests still bounds its own execution. 0 means no account limit.",
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await preAuthenticate(async (options) => await this.helpers.httpRequest(options), credentials);
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (requestOptions.url === CREDENTIAL_TEST_URL) return credentialTestRequest(credentials, requestOptions, new Date());
		return authenticateRequest(toCredentialData(credentials), requestOptions, new Date());
	}

	test: ICredentialTestRequest = {
		request: { method: 'GET', url: CREDENTIAL_TEST_URL },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The credential signs in, but this IAM user may not list projects: fill in Project ID, or grant the user IAM read access.',
				},
			},
		],
	};
}
