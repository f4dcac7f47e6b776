/** Check Results wired into the node: options, settings, annotated items and the Needs Review output. */
export { annotateItems, needsReview, NORMALIZED_SUFFIX } from './annotate';
export type { ChecksSummary } from './annotate';
export { hasReviewOutput, routeItems } from './outputs';
export {
	DEFAULT_MIN_CONFIDENCE,
	NODE_OUTPUTS,
	REVIEW_OUTPUT,
	reviewOptionFields,
	reviewOutputProperties,
} from './properties';
export { readReviewSettings, todayIn } from './settings';
export type { ReviewSettings } from './settings';
