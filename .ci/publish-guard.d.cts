/** Types for publish-guard.cjs (prepublishOnly: only the provenance workflow publishes). */
export function refusal(env: Record<string, string | undefined>): string | undefined;
