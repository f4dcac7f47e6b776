/**
 * Checks (Needs Review) and normalized values for a document read page by page: each page's answer
 * is checked on its own, and the merged item carries every check that ran, with the failed ones'
 * reasons naming their page. A normalized value comes from the page its field was taken from.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ChecksSummary } from '../review/annotate';
import { annotateItems, checksRan, safeNormalizedValues, withNormalized } from '../review/annotate';
import type { ReviewSettings } from '../review/settings';

type PageAnswers = ReadonlyArray<{ page: number; result: unknown }>;

/**
 * The normalized values of the merged item's fields: each from the page the field came from (its
 * entry in the `pages` map), else from the first page that has it. List entries (`[i].field`) are
 * left to the pages' own entries.
 */
function documentNormalized(operationId: string, answers: PageAnswers, origin: IDataObject | undefined): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const { page, result } of answers) {
		for (const [field, value] of Object.entries(safeNormalizedValues(operationId, result))) {
			if (field.startsWith('[')) continue;
			const from = origin?.[field];
			if (from === undefined ? !(field in values) : from === page) values[field] = value;
		}
	}
	return values;
}

/** Simplified: beside the merged fields. Raw: beside each page's result, as for a single file. */
function withDocumentNormalized(operationId: string, answers: PageAnswers, json: IDataObject, simplified: boolean): IDataObject {
	if (!simplified) {
		if (!Array.isArray(json.pages)) return json;
		const byPage = new Map(answers.map(({ page, result }) => [page, safeNormalizedValues(operationId, result)]));
		const pages = (json.pages as IDataObject[]).map((entry) => withNormalized(entry, byPage.get(entry.page as number) ?? {}, false, 0));
		return { ...json, pages };
	}
	const origin = typeof json.pages === 'object' && json.pages !== null ? (json.pages as IDataObject) : undefined;
	return withNormalized(json, documentNormalized(operationId, answers, origin), true, 0);
}

export function annotateDocument(
	operationId: string,
	answers: PageAnswers,
	documentItems: INodeExecutionData[],
	settings: ReviewSettings,
	simplified: boolean,
): INodeExecutionData[] {
	// Only the document's own item (it lists the pages read): rows, entries and detected documents
	// split over items carry no document fields.
	const [document] = documentItems;
	const merged = settings.addNormalized && documentItems.length === 1 && Array.isArray(document.json.pagesRead);
	const items = merged ? [{ ...document, json: withDocumentNormalized(operationId, answers, document.json, simplified) }] : documentItems;
	if (!settings.checkResults || answers.length === 0) return items;
	const perPage = answers.map(({ page, result }) => ({
		page,
		json: annotateItems(operationId, result, [{ json: {} }], { ...settings, addNormalized: false }, false)[0].json,
	}));
	const all = (key: keyof ChecksSummary) => [...new Set(perPage.flatMap(({ json }) => (json.checks as ChecksSummary | undefined)?.[key] ?? []))];
	const failed = all('failed');
	const checks: ChecksSummary = {
		passed: all('passed').filter((check) => !failed.includes(check)),
		failed,
		skipped: all('skipped'),
	};
	const reasons = perPage.flatMap(({ page, json }) =>
		((json.review as { reasons?: IDataObject[] } | undefined)?.reasons ?? []).map((reason) => ({ ...reason, page })),
	);
	if (!checksRan(checks)) return items;
	return items.map((item) => {
		const json: IDataObject = { ...item.json, checks: checks as unknown as IDataObject };
		if (reasons.length > 0) json.review = { reasons };
		return { ...item, json };
	});
}
