/**
 * A real n8n 2.41.1 with our packed package (test/e2e's installer and driver), the Huawei Cloud
 * emulator in this process, and an owner account set up and signed in through n8n's REST API.
 */
import process from '../nodejs/process.cjs';

import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import * as n8n from '../e2e/n8n.cjs';
import type { N8nContext, N8nServer } from '../e2e/n8n.cjs';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ui',
	lastName: 'Check',
	password: 'Ui-check-example-password-1',
} as const;

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** n8n's REST API with the owner's auth cookie. */
export class RestClient {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', ...(this.cookie ? { Cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path} answered ${response.status}: ${text.slice(0, 500)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return parsed.data as T;
	}

	async setUpOwner(): Promise<void> {
		await this.call('POST', '/owner/setup', OWNER);
		await this.call('POST', '/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
		return await this.call('POST', '/credentials', { name, type, data });
	}

	/** n8n's own credential test, as the credential dialog's Retry/Save runs it (CredentialsController POST /test). */
	async testCredential(credential: { id: string; name: string }, type: string, data: Record<string, unknown>): Promise<CredentialTestResult> {
		return await this.call('POST', '/credentials/test', { credentials: { id: credential.id, name: credential.name, type, data } });
	}
}

export interface EditorSession {
	emulator: Emulator;
	context: N8nContext;
	server: N8nServer;
	rest: RestClient;
	stop(): Promise<void>;
}

/** Starts everything (dist/ must be built: the package is installed from `npm pack`); whatever was started is stopped again when a later step fails. */
export async function startEditorSession(): Promise<EditorSession> {
	const stops: Array<() => Promise<void>> = [];
	const stop = async () => {
		for (const fn of stops.reverse()) await fn().catch(() => undefined);
	};
	let started = false;
	try {
		const emulator = await startEmulator();
		stops.push(async () => await emulator.stop());
		const context = n8n.prepare();
		stops.push(async () => n8n.cleanup(context));
		const server = await n8n.startServer(context);
		// If the test process is ended before afterAll runs, n8n must not outlive it.
		const killServer = () => {
			try {
				process.kill(server.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		};
		process.once('exit', killServer);
		stops.push(async () => {
			await server.stop();
			process.removeListener('exit', killServer);
		});
		const rest = new RestClient(server.baseUrl);
		await rest.setUpOwner();
		started = true;
		return { emulator, context, server, rest, stop };
	} finally {
		if (!started) await stop();
	}
}
