const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces unpaired UTF-16 surrogates with U+FFFD so the text can be UTF-8 percent-encoded. */
export function wellFormed(text: string): string {
	return text.replace(LONE_SURROGATE, '\uFFFD');
}
