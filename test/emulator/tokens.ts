/** IAM tokens issued by the emulator. */
import { randomBytes } from 'node:crypto';
import type { EmulatorAccount, EmulatorProject } from './types';

export interface IssuedToken {
	token: string;
	account: EmulatorAccount;
	/** Undefined for a domain-scoped (or unscoped) token, which OCR rejects. */
	project?: EmulatorProject;
	issuedAt: number;
	expiresAt: number;
}

export const DEFAULT_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class TokenStore {
	private readonly tokens = new Map<string, IssuedToken>();

	constructor(private readonly lifetimeMs: number) {}

	issue(account: EmulatorAccount, project: EmulatorProject | undefined, now: number): IssuedToken {
		// Real tokens are long CMS blobs starting with "MII"; the shape only matters for header size.
		const token = 'MIIEmu' + randomBytes(384).toString('base64').replace(/[+/=]/g, '');
		const issued: IssuedToken = { token, account, project, issuedAt: now, expiresAt: now + this.lifetimeMs };
		this.tokens.set(token, issued);
		return issued;
	}

	get(token: string): IssuedToken | undefined {
		return this.tokens.get(token);
	}

	/** Makes every issued token expired as of `now` (the switch tests use to force a refresh). */
	expireAll(now: number): void {
		for (const issued of this.tokens.values()) issued.expiresAt = Math.min(issued.expiresAt, now - 1);
	}

	expire(token: string, now: number): void {
		const issued = this.tokens.get(token);
		if (issued) issued.expiresAt = Math.min(issued.expiresAt, now - 1);
	}
}

/** IAM's timestamp format, e.g. 2019-02-13T06:52:13.855000Z. */
export function iamTimestamp(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '000Z');
}
