import { InputProblem } from './problem';
import { wellFormed } from './text';

const WRONG_SCHEMES: Record<string, string> = {
	'file:': 'The service cannot read files on the n8n machine. Read the file with the Read/Write Files From Disk node and set Input Source to \'Binary File\'.',
	'ftp:': 'Download the file with an FTP node and set Input Source to \'Binary File\', or publish it over http(s).',
	'sftp:': 'Download the file with the FTP node (SFTP protocol) and set Input Source to \'Binary File\', or publish it over http(s).',
	'obs:': "Set Input Source to 'OBS Object' and enter the bucket and the object key.",
	's3:': "Use the object's https address, or set Input Source to 'OBS Object' for Huawei Cloud OBS.",
	'data:': "Set Input Source to 'Base64 String' and pass the data URL there.",
};

/**
 * Validates a URL for the service to download and returns it with non-ASCII characters
 * percent-encoded as UTF-8 (the service requires it). The rest of the text is kept as typed,
 * so pre-signed URLs keep matching their signature.
 */
export function normalizeUrl(input: string): string | InputProblem {
	const text = input.trim();
	if (text.length === 0) {
		return new InputProblem('The URL is empty', 'Enter the http or https address of the image or document.');
	}
	if (/\s/.test(text)) {
		return new InputProblem(
			`The URL contains a space or line break: '${text}'`,
			'Write spaces in the address as %20, and make sure the field holds a single URL.',
		);
	}
	const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(text)?.[1].toLowerCase();
	const typedScheme = scheme && text.slice(0, scheme.length) + (text.startsWith('//', scheme.length) ? '//' : '');
	if (scheme && WRONG_SCHEMES[scheme]) {
		return new InputProblem(
			`The URL starts with '${typedScheme}'; only http:// and https:// URLs can be sent`,
			WRONG_SCHEMES[scheme],
		);
	}
	if (scheme && typedScheme?.endsWith('//') && !/^https?:$/.test(scheme)) {
		return new InputProblem(
			`The URL starts with '${typedScheme}'; only http:// and https:// URLs can be sent`,
			'Publish the file over http(s), or fetch it with another node and set Input Source to \'Binary File\'.',
		);
	}
	if (!/^https?:\/\//i.test(text)) {
		const missingSlashes = scheme !== undefined && /^https?:$/.test(scheme);
		const suggestion = missingSlashes ? `${scheme}//${text.slice(scheme.length).replace(/^\/+/, '')}` : `https://${text}`;
		return new InputProblem(
			`The URL '${text}' ${missingSlashes ? "is missing the '//' after the scheme" : 'does not start with http:// or https://'}`,
			`Write the full address, e.g. ${suggestion}`,
		);
	}

	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return new InputProblem(`The URL '${text}' is not a valid address`, 'Check the address, e.g. https://example.com/scan.jpg.');
	}
	if (!parsed.hostname) {
		return new InputProblem(`The URL '${text}' has no host name`, 'Write the full address, e.g. https://example.com/scan.jpg.');
	}
	return encodeNonAscii(text, parsed);
}

/** Percent-encodes non-ASCII characters; an international host name becomes its ASCII (punycode) form. */
function encodeNonAscii(text: string, parsed: URL): string {
	const authorityStart = text.indexOf('//') + 2;
	const authorityEnd = text.slice(authorityStart).search(/[/?#]/);
	const restStart = authorityEnd === -1 ? text.length : authorityStart + authorityEnd;
	const authority = text.slice(authorityStart, restStart);
	const asciiAuthority = isAscii(authority)
		? authority
		: `${parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : ''}${parsed.host}`;
	const rest = wellFormed(text.slice(restStart))
		.replace(/[\u0080-\uFFFF]+/g, (run) => encodeURIComponent(run));
	return `${text.slice(0, authorityStart)}${asciiAuthority}${rest}`;
}

function isAscii(text: string): boolean {
	return !/[\u0080-\uFFFF]/.test(text);
}
