/** The emulator's built-in account and the registry that answers "whose key / project is this?". */
import { createHash } from 'node:crypto';
import type { EmulatorAccount, EmulatorProject } from './types';

/** Every OCR region in the reference's SDK region files. */
export const OCR_REGIONS = [
	'cn-north-4',
	'cn-south-1',
	'cn-east-3',
	'cn-north-1',
	'cn-southwest-2',
	'ap-southeast-1',
	'ap-southeast-2',
	'ap-southeast-3',
	'la-south-2',
	'af-south-1',
	'la-north-2',
] as const;

/** Deterministic 32-hex ids, so logs and examples stay stable across runs. */
export function hexId(seed: string): string {
	return createHash('sha256').update(seed).digest('hex').slice(0, 32);
}

/** Alphanumeric text of any length derived from a seed. */
function deterministicText(seed: string, length: number): string {
	let text = '';
	for (let round = 0; text.length < length; round++) {
		text += createHash('sha256').update(`${seed}#${round}`).digest('base64').replace(/[^A-Za-z0-9]/g, '');
	}
	return text.slice(0, length);
}

function defaultProjects(domain: string): EmulatorProject[] {
	return OCR_REGIONS.map((region) => ({ id: hexId(`${domain}/project/${region}`), name: region, region }));
}

export function projectIdsByRegion(projects: EmulatorProject[]): Record<string, string> {
	const ids: Record<string, string> = {};
	for (const project of projects) {
		if (project.name === project.region && ids[project.region] === undefined) ids[project.region] = project.id;
	}
	return ids;
}

/** Builds an account with default projects in every OCR region; the name seeds all ids and keys. */
export function makeAccount(name: string): EmulatorAccount {
	const projects = defaultProjects(name);
	const key = (label: string, length: number) => deterministicText(`${name}/${label}`, length);
	return {
		domainName: name,
		domainId: hexId(`${name}/domain`),
		userName: `${name}-user`,
		userId: hexId(`${name}/user`),
		password: `Emu-${key('password', 12)}!`,
		accessKeyId: `EMU${key('ak', 17).toUpperCase()}`,
		secretAccessKey: key('sk', 40),
		temporary: {
			accessKeyId: `EMUTMP${key('tmp-ak', 14).toUpperCase()}`,
			secretAccessKey: key('tmp-sk', 40),
			securityToken: `gQpjbi1ub3J0aC00${key('security-token', 200)}`,
		},
		projectIds: projectIdsByRegion(projects),
		projects,
	};
}

/** The account every test, benchmark and the demo use. */
export const EMULATOR_ACCOUNT: EmulatorAccount = makeAccount('emulator-account');

/** Returns a copy of the account whose projects in the given regions are replaced. */
export function withProjects(
	account: EmulatorAccount,
	overrides: Record<string, Array<{ id: string; name?: string }>>,
): EmulatorAccount {
	const kept = account.projects.filter((project) => !(project.region in overrides));
	const added = Object.entries(overrides).flatMap(([region, list]) =>
		list.map((project) => ({ id: project.id, name: project.name ?? region, region })),
	);
	const projects = [...kept, ...added];
	return { ...account, projects, projectIds: projectIdsByRegion(projects) };
}

export type KeyKind = 'accessKey' | 'temporaryAccessKey';

export class AccountRegistry {
	constructor(readonly accounts: EmulatorAccount[]) {
		const ids = new Set<string>();
		for (const project of accounts.flatMap((account) => account.projects)) {
			if (ids.has(project.id)) throw new Error(`Emulator: project id ${project.id} is used twice`);
			ids.add(project.id);
		}
	}

	byAccessKey(accessKeyId: string): { account: EmulatorAccount; kind: KeyKind; secret: string } | undefined {
		for (const account of this.accounts) {
			if (account.accessKeyId === accessKeyId) return { account, kind: 'accessKey', secret: account.secretAccessKey };
			if (account.temporary.accessKeyId === accessKeyId) {
				return { account, kind: 'temporaryAccessKey', secret: account.temporary.secretAccessKey };
			}
		}
		return undefined;
	}

	byDomain(domainName: string): EmulatorAccount | undefined {
		return this.accounts.find((account) => account.domainName === domainName);
	}

	project(projectId: string): { account: EmulatorAccount; project: EmulatorProject } | undefined {
		for (const account of this.accounts) {
			const project = account.projects.find((candidate) => candidate.id === projectId);
			if (project) return { account, project };
		}
		return undefined;
	}
}
