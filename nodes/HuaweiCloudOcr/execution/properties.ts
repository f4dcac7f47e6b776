import type { INodeProperties } from 'n8n-workflow';

import { EXECUTION_LIMITS } from './settings';

/** Fields for the node's shared `options` collection, sorted by display name. */
export function executionOptionFields(): INodeProperties[] {
	return [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			default: 4,
			typeOptions: { minValue: EXECUTION_LIMITS.maxAttempts.min, maxValue: EXECUTION_LIMITS.maxAttempts.max },
			description:
				'How many times one item is tried in total, the first attempt included, when retries are on. Permanent errors (bad input, service not subscribed, authentication) are never retried.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			default: 5,
			typeOptions: { minValue: EXECUTION_LIMITS.maxConcurrency.min, maxValue: EXECUTION_LIMITS.maxConcurrency.max },
			description:
				'How many items are sent to Huawei Cloud at the same time. Output keeps the input order. Lower it if your account is throttled often.',
		},
		{
			displayName: 'Retry On Throttling and Transient Failures',
			name: 'retryTransient',
			type: 'boolean',
			default: true,
			description:
				'Whether to retry throttled requests (APIG.0308), gateway and backend timeouts, 5xx answers and dropped connections with exponential backoff. When one request is throttled, all requests of this node pause together.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: EXECUTION_LIMITS.timeoutSeconds.min, maxValue: EXECUTION_LIMITS.timeoutSeconds.max },
			description: 'How long one attempt may take before it is abandoned. A timed-out attempt counts as a transient failure and is retried.',
		},
	];
}
