/** IAM: password tokens (POST /v3/auth/tokens) and project lookup (GET /v3/projects). */
import type { AccountRegistry } from './account';
import { HuaweiError } from './errors';
import { iamTimestamp, type TokenStore } from './tokens';
import type { EmulatorAccount, EmulatorProject } from './types';

export interface Reply {
	status: number;
	headers?: Record<string, string>;
	body: unknown;
}

// IAM uses its own error shape ({ error: { code, message, title } }); the messages follow Keystone/IAM.
const wrongCredentials = () => new HuaweiError(401, '401', 'The username or password is wrong.', 'iam', 'wrong-password');
const badRequest = (reason: string) => new HuaweiError(400, '400', 'The request body is invalid.', 'iam', reason);

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function path(value: unknown, ...keys: string[]): unknown {
	let current = value;
	for (const key of keys) current = isObject(current) ? current[key] : undefined;
	return current;
}

function resolveScope(account: EmulatorAccount, scope: unknown): EmulatorProject | undefined {
	if (scope === undefined || (isObject(scope) && scope.domain !== undefined && scope.project === undefined)) {
		return undefined;
	}
	const id = path(scope, 'project', 'id');
	const name = path(scope, 'project', 'name');
	const candidates = account.projects.filter((project) =>
		typeof id === 'string' ? project.id === id : typeof name === 'string' && project.name === name,
	);
	if (typeof id !== 'string' && typeof name !== 'string') throw badRequest('bad-scope');
	if (candidates.length !== 1) {
		throw new HuaweiError(
			400,
			'400',
			candidates.length === 0 ? 'The project does not exist.' : 'The project name is ambiguous.',
			'iam',
			candidates.length === 0 ? 'unknown-project' : 'ambiguous-project',
		);
	}
	return candidates[0];
}

export function issueToken(
	body: unknown,
	query: URLSearchParams,
	registry: AccountRegistry,
	tokens: TokenStore,
	now: number,
	baseUrl: string,
): Reply & { account: EmulatorAccount } {
	const methods = path(body, 'auth', 'identity', 'methods');
	if (!Array.isArray(methods) || !methods.includes('password')) throw badRequest('not-password-auth');
	const user = path(body, 'auth', 'identity', 'password', 'user');
	const userName = path(user, 'name');
	const password = path(user, 'password');
	const domainName = path(user, 'domain', 'name');
	if (typeof userName !== 'string' || typeof password !== 'string' || typeof domainName !== 'string') {
		throw badRequest('missing-user-fields');
	}
	const account = registry.byDomain(domainName);
	if (!account || account.userName !== userName || account.password !== password) throw wrongCredentials();
	const project = resolveScope(account, path(body, 'auth', 'scope'));
	const issued = tokens.issue(account, project, now);
	const domain = { id: account.domainId, name: account.domainName };
	const token: Record<string, unknown> = {
		expires_at: iamTimestamp(issued.expiresAt),
		issued_at: iamTimestamp(issued.issuedAt),
		methods: ['password'],
		domain,
		roles: [{ id: '0', name: 'te_admin' }],
		user: { id: account.userId, name: account.userName, domain, password_expires_at: '' },
	};
	if (project) {
		token.project = { id: project.id, name: project.name, domain };
		delete token.domain;
	}
	if (!query.get('nocatalog')) token.catalog = catalogFor(project, baseUrl);
	return { status: 201, headers: { 'X-Subject-Token': issued.token }, body: { token }, account };
}

function catalogFor(project: EmulatorProject | undefined, baseUrl: string): unknown[] {
	const region = project?.region ?? '*';
	return [
		{ type: 'iam', name: 'iam', id: 'iam', endpoints: [{ id: 'iam', interface: 'public', region, region_id: region, url: `${baseUrl}/v3` }] },
		{ type: 'ocr', name: 'ocr', id: 'ocr', endpoints: [{ id: 'ocr', interface: 'public', region, region_id: region, url: `${baseUrl}/v2/$(tenant_id)s` }] },
	];
}

export function listProjects(account: EmulatorAccount, query: URLSearchParams, baseUrl: string): Reply {
	const name = query.get('name');
	const projects = account.projects
		.filter((project) => name === null || project.name === name)
		.map((project) => ({
			domain_id: account.domainId,
			is_domain: false,
			parent_id: account.domainId,
			name: project.name,
			description: '',
			links: { next: null, previous: null, self: `${baseUrl}/v3/projects/${project.id}` },
			id: project.id,
			enabled: true,
		}));
	return {
		status: 200,
		body: { projects, links: { next: null, previous: null, self: `${baseUrl}/v3/projects` } },
	};
}
