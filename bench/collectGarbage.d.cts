declare function collectGarbage(): void;
export = collectGarbage;
