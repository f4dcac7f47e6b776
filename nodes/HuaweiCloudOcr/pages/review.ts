/**
 * Checks (Needs Review) for a document read page by page: each page's answer is checked on its own,
 * and the merged item carries every check that ran, with the failed ones' reasons naming their page.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ChecksSummary } from '../review/annotate';
import { annotateItems } from '../review/annotate';
import type { ReviewSettings } from '../review/settings';

export function annotateDocument(
	operationId: string,
	answers: ReadonlyArray<{ page: number; result: unknown }>,
	items: INodeExecutionData[],
	settings: ReviewSettings,
): INodeExecutionData[] {
	if (!settings.checkResults || answers.length === 0) return items;
	const perPage = answers.map(({ page, result }) => ({
		page,
		json: annotateItems(operationId, result, [{ json: {} }], { ...settings, addNormalized: false }, false)[0].json,
	}));
	const all = (key: keyof ChecksSummary) => [
		...new Set(perPage.flatMap(({ json }) => (json.checks as ChecksSummary | undefined)?.[key] ?? [])),
	];
	const failed = all('failed');
	const checks: ChecksSummary = {
		passed: all('passed').filter((check) => !failed.includes(check)),
		failed,
		skipped: all('skipped'),
	};
	const reasons = perPage.flatMap(({ page, json }) =>
		((json.review as { reasons?: IDataObject[] } | undefined)?.reasons ?? []).map((reason) => ({ ...reason, page })),
	);
	return items.map((item) => {
		const json: IDataObject = { ...item.json, checks: checks as unknown as IDataObject };
		if (reasons.length > 0) json.review = { reasons };
		return { ...item, json };
	});
}
