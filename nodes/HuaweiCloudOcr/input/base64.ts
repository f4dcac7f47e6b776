import { trimEnd } from '../../HuaweiCloud/text';
import { InputProblem } from './problem';

const DATA_URL_PREFIX = /^data:[^,]*?,/i;
const STANDARD_ALPHABET = /^[A-Za-z0-9+/]*$/;
const URL_SAFE_ALPHABET = /^[A-Za-z0-9\-_]*$/;

/**
 * Turns user-supplied Base64 text into the bare, padded, standard Base64 the service expects:
 * strips a `data:…;base64,` prefix and all whitespace (line breaks from e-mail or PEM-style wrapping).
 * URL-safe Base64 (`-` and `_`, padding optional) is accepted and converted, since it encodes the same
 * bytes and some storage services and JWT-style tools produce it; mixing the two alphabets is rejected.
 */
export function cleanBase64(input: string): string | InputProblem {
	let text = input.trim();
	const prefix = DATA_URL_PREFIX.exec(text);
	if (prefix) {
		if (!/;base64,$/i.test(prefix[0])) {
			return new InputProblem(
				'The Base64 String is a data URL that is not Base64-encoded',
				"Pass a data URL with ';base64,' in it, or only the Base64 text after the comma.",
			);
		}
		text = text.slice(prefix[0].length);
	}
	text = text.replace(/\s+/g, '');

	if (text.length === 0) {
		return new InputProblem(
			'The Base64 String is empty',
			'Map the field that holds the Base64 text of the file, e.g. {{ $json.image }}, or choose another Input Source.',
		);
	}
	if (/^https?:\/\//i.test(text)) {
		return new InputProblem(
			'The Base64 String holds a URL, not Base64 text',
			"Set Input Source to 'URL' and put the address in the URL field.",
		);
	}

	const body = trimEnd(text, '=');
	const padding = text.slice(body.length);
	const standard = STANDARD_ALPHABET.test(body);
	if (!standard && !URL_SAFE_ALPHABET.test(body)) return invalidCharacter(body);
	if (padding.length > 2 || (padding.length > 0 && text.length % 4 !== 0) || body.length % 4 === 1) {
		return new InputProblem(
			`The Base64 String is not valid Base64: its length (${body.length} characters before padding) or its '=' padding is wrong`,
			'The text was probably cut off or joined with other text. Pass the complete Base64 text of the file.',
		);
	}
	const converted = standard ? body : body.replace(/-/g, '+').replace(/_/g, '/');
	return converted + '='.repeat((4 - (converted.length % 4)) % 4);
}

function invalidCharacter(body: string): InputProblem {
	const mixedAlphabets = /[+/]/.test(body) && /[-_]/.test(body);
	if (mixedAlphabets) {
		return new InputProblem(
			"The Base64 String mixes standard ('+', '/') and URL-safe ('-', '_') Base64 characters",
			'Pass Base64 text in one alphabet, as produced by a single encoder.',
		);
	}
	const position = body.search(/[^A-Za-z0-9+/\-_]/);
	const character = body[position];
	const shown = character === '=' ? "'=' (padding may only appear at the end)" : `'${character}'`;
	return new InputProblem(
		`The Base64 String is not valid Base64: character ${position + 1} is ${shown}`,
		'Pass only the Base64 text of the file (letters, digits, +, / and = padding). ' +
			"To send a file from a previous node, set Input Source to 'Binary File' instead.",
	);
}
