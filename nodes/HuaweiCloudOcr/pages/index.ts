export { pageCapableOperations, pageSelectorOf, readsDocumentPages } from './capability';
export { planPages, type PagePlan } from './plan';
export { MAX_PAGES, PAGE_MODES, PAGES_AS, pageOptionFields, pageProperties, pagesAsProperty } from './properties';
export { parsePageRange, pagesOf } from './range';
export { FIRST_PAGE_ONLY, readPageSettings, type PageSettings } from './settings';
