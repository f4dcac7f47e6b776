/**
 * Every call of one node execution that was answered with a 2xx, so billed. When a failure stops the
 * node, these answers are not output; the error lists them so the bill can be reconciled.
 */
export class BilledCalls {
	private answered = 0;
	private readonly ids: string[] = [];

	record(requestId: string | undefined): void {
		this.answered++;
		if (requestId) this.ids.push(requestId);
	}

	get requestIds(): string[] {
		return [...this.ids];
	}

	/** The sentence for the error that stops the node, or undefined when nothing was billed. */
	stopNote(): string | undefined {
		if (this.answered === 0) return undefined;
		const calls = this.answered === 1 ? '1 call was' : `${this.answered} calls were`;
		const withoutId = this.answered - this.ids.length;
		return [
			`${calls} answered and billed before the node stopped; their results are not output.`,
			this.ids.length > 0 ? `Billed request IDs: ${this.ids.join(', ')}.` : undefined,
			withoutId > 0 ? `${withoutId} of the answers carried no request ID.` : undefined,
			'To keep the results of the items that work, turn on Continue On Fail (node Settings → On Error → Continue).',
		]
			.filter(Boolean)
			.join(' ');
	}
}
