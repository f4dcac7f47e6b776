/** Test helpers: sign like the official SDK (the oracle), send with undici, read the answer. */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { request } from 'undici';
import type { Emulator } from '../../emulator';
import { makePng } from '../../emulator';

/** Answers are read along deep paths without declaring them: the type JSON.parse gives. */
export type Json = ReturnType<typeof JSON.parse>;

export interface Answer {
	status: number;
	headers: Record<string, string>;
	text: string;
	json: Json;
}

export interface SignedCall {
	method?: 'GET' | 'POST';
	path: string;
	query?: Record<string, string | string[]>;
	body?: object;
	headers?: Record<string, string>;
	accessKeyId?: string;
	secretAccessKey?: string;
	securityToken?: string;
	/** X-Sdk-Date value; default now. */
	date?: Date;
}

export function sdkDate(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Headers exactly as the official SDK signer produces them. */
export function sdkSignedHeaders(emu: Emulator, call: SignedCall): Record<string, string> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json', ...call.headers };
	if (call.securityToken !== undefined) headers['X-Security-Token'] = call.securityToken;
	headers['X-Sdk-Date'] = sdkDate(call.date ?? new Date());
	const ak = call.accessKeyId ?? emu.account.accessKeyId;
	const sk = call.secretAccessKey ?? emu.account.secretAccessKey;
	return AKSKSigner.sign(
		{ endpoint: emu.url + call.path, method: call.method ?? 'POST', headers, data: call.body, queryParams: call.query },
		{ getAk: () => ak, getSk: () => sk } as never,
	) as Record<string, string>;
}

export function queryString(query?: Record<string, string | string[]>): string {
	if (!query) return '';
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) {
		for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
	}
	const text = params.toString().replace(/\+/g, '%20');
	return text ? `?${text}` : '';
}

export async function send(
	emu: Emulator,
	method: string,
	path: string,
	headers: Record<string, string>,
	body?: string | Buffer,
): Promise<Answer> {
	const response = await request(emu.url + path, { method: method as 'GET', headers, body });
	const text = await response.body.text();
	let json: Json = {};
	try {
		json = JSON.parse(text);
	} catch {
		json = {};
	}
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(response.headers)) flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
	return { status: response.statusCode, headers: flat, text, json };
}

/** Signs with the official SDK signer and sends the same JSON text it hashed. */
export async function sdkCall(emu: Emulator, call: SignedCall): Promise<Answer> {
	const headers = sdkSignedHeaders(emu, call);
	const body = call.body === undefined ? undefined : JSON.stringify(call.body);
	return send(emu, call.method ?? 'POST', call.path + queryString(call.query), headers, body);
}

export function ocrPath(projectId: string, operation: string): string {
	return `/v2/${projectId}/ocr/${operation}`;
}

/** A signed OCR call with the permanent key on the region's default project. */
export function ocr(emu: Emulator, operation: string, body: object, region = 'cn-north-4', extra: Partial<SignedCall> = {}) {
	return sdkCall(emu, { path: ocrPath(emu.account.projectIds[region], operation), body, ...extra });
}

export const PNG_400x200_BASE64 = makePng(400, 200).toString('base64');

export async function passwordToken(emu: Emulator, scope: object = { project: { name: 'cn-north-4' } }): Promise<Answer> {
	const body = {
		auth: {
			identity: {
				methods: ['password'],
				password: {
					user: { name: emu.account.userName, password: emu.account.password, domain: { name: emu.account.domainName } },
				},
			},
			scope,
		},
	};
	return send(emu, 'POST', '/v3/auth/tokens?nocatalog=true', { 'Content-Type': 'application/json;charset=utf8' }, JSON.stringify(body));
}
