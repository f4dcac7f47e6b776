/**
 * Trimming a repeated character off the ends of a string with a loop: a regular expression such as
 * /x+$/ searches from every position of a long run, which is quadratic on hostile input.
 */
export function trimEnd(text: string, char: string): string {
	let end = text.length;
	while (end > 0 && text[end - 1] === char) end--;
	return text.slice(0, end);
}

export function trimStart(text: string, char: string): string {
	let start = 0;
	while (start < text.length && text[start] === char) start++;
	return text.slice(start);
}
