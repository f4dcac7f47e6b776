declare function createPrintingTo<T>(sink: (line: string) => void, create: () => Promise<T>): Promise<T>;
export = createPrintingTo;
