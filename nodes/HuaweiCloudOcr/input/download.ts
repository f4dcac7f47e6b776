import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MEGABYTE, megabytes } from './describe';
import { inputError, InputProblem } from './problem';

export interface DownloadedFile {
	bytes: Buffer;
	fileName?: string;
	mimeType?: string;
}

/** Default for Max Download Size (MB). */
export const DEFAULT_MAX_DOWNLOAD_MB = 10;

/**
 * Downloads a URL in n8n ("Download and Send as Base64"), through n8n's request helper so proxies,
 * SSRF rules and request logging apply. The body is read as a stream: the size cap is checked on the
 * announced length and on every chunk, and the download is abandoned as soon as it is passed, so a
 * body without Content-Length cannot fill the memory.
 */
export async function downloadFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	url: string,
	limits: { maxMegabytes: number; timeoutMs?: number },
): Promise<DownloadedFile> {
	const maxBytes = Math.round(limits.maxMegabytes * MEGABYTE);
	const request: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (limits.timeoutMs) request.timeout = limits.timeoutMs;
	const signal = ctx.getExecutionCancelSignal?.();
	if (signal) request.abortSignal = signal;

	let response: { body?: unknown; headers?: IDataObject; statusCode?: number; statusMessage?: string };
	try {
		response = (await ctx.helpers.httpRequest(request)) as typeof response;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			itemIndex,
			message: `Downloading the URL in n8n failed: ${networkReason(error as Error)} [item ${itemIndex}]`,
			description:
				'Check that the address is right and reachable from the n8n machine. ' +
				'Turn off "Download and Send as Base64" to let Huawei Cloud download public URLs itself.',
		});
	}

	const status = response.statusCode ?? 200;
	if (status >= 400) {
		discard(response.body);
		throw inputError(ctx.getNode(), itemIndex, httpFailure(status, response.statusMessage));
	}
	const headers = response.headers ?? {};
	const announced = Number(headers['content-length']);
	if (Number.isFinite(announced) && announced > maxBytes) {
		discard(response.body);
		throw inputError(ctx.getNode(), itemIndex, tooLarge(announced, limits.maxMegabytes));
	}
	let bytes: Buffer | undefined;
	try {
		bytes = await readUpTo(response.body, maxBytes);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			itemIndex,
			message: `Downloading the URL in n8n failed: ${networkReason(error as Error)} [item ${itemIndex}]`,
			description: 'Check that the server sends the whole file, or raise Timeout (Seconds) in the options for slow servers.',
		});
	}
	if (bytes === undefined) {
		throw inputError(ctx.getNode(), itemIndex, tooLarge(undefined, limits.maxMegabytes));
	}
	return {
		bytes,
		fileName: fileNameOf(headers, url),
		mimeType: typeof headers['content-type'] === 'string' ? headers['content-type'].split(';')[0].trim() : undefined,
	};
}

/**
 * Network error codes in plain words. n8n replaces any error message that contains such a code with
 * its own generic text, which would drop the fact that the download failed, so the code is not repeated.
 */
const NETWORK_REASONS: Record<string, string> = {
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
	ECONNREFUSED: 'the server refused the connection',
	ECONNRESET: 'the server closed the connection',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the download timed out',
	EHOSTUNREACH: 'the host is unreachable',
	CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
	DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate could not be verified",
};

function networkReason(error: Error & { code?: unknown }): string {
	const code = typeof error.code === 'string' ? error.code : /\b(E[A-Z_]{3,}|(?:[A-DF-Z_][A-Z_]*)?CERT[A-Z_]*)\b/.exec(error.message)?.[1];
	if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
	if (code) return `network error ${code.toLowerCase()}`;
	return error.message;
}

function httpFailure(status: number, statusMessage: string | undefined): InputProblem {
	return new InputProblem(
		`Downloading the URL in n8n failed: the server answered HTTP ${status}${statusMessage ? ` ${statusMessage}` : ''}`,
		status === 401 || status === 403
			? 'The server refused access. Use a public or pre-signed URL, or fetch the file with an HTTP Request node that has the right credentials and set Input Source to \'Binary File\'.'
			: 'Check that the address is right and that the file still exists.',
	);
}

/** `byteCount` is undefined when the download was stopped at the limit, before its end. */
function tooLarge(byteCount: number | undefined, maxMegabytes: number): InputProblem {
	const size = byteCount === undefined ? `larger than ${maxMegabytes} MB` : megabytes(byteCount);
	return new InputProblem(
		`The file at the URL is ${size}; Max Download Size is ${maxMegabytes} MB`,
		'Raise Max Download Size in the options if the file is meant to be this large. ' +
			'The service accepts at most 10 MB of Base64, which is a file of about 7.5 MB.',
	);
}

type ByteStream = AsyncIterable<unknown> & { destroy?: () => void };

function isStream(body: unknown): body is ByteStream {
	return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

function discard(body: unknown): void {
	if (isStream(body)) body.destroy?.();
}

/** The whole body, or undefined as soon as it grows past `maxBytes` (the rest is never fetched). */
async function readUpTo(body: unknown, maxBytes: number): Promise<Buffer | undefined> {
	if (!isStream(body)) {
		const bytes = toBuffer(body);
		return bytes.length > maxBytes ? undefined : bytes;
	}
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		for await (const chunk of body) {
			const bytes = toBuffer(chunk);
			total += bytes.length;
			if (total > maxBytes) return undefined;
			chunks.push(bytes);
		}
	} finally {
		body.destroy?.();
	}
	return Buffer.concat(chunks, total);
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.alloc(0);
}

function fileNameOf(headers: IDataObject, url: string): string | undefined {
	const disposition = headers['content-disposition'];
	if (typeof disposition === 'string') {
		const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
		if (match) return safeDecode(match[1]);
	}
	const path = new URL(url).pathname;
	const lastSegment = path.slice(path.lastIndexOf('/') + 1);
	return lastSegment ? safeDecode(lastSegment) : undefined;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
