/** The outcome of `action`: its value, or what it threw (so callers decide without re-throwing from a catch). */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function attempt<T>(action: () => T): Attempt<T> {
	try {
		return { ok: true, value: action() };
	} catch (error) {
		return { ok: false, error };
	}
}
