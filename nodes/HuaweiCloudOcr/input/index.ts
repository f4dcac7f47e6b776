export { inputOptionFields, inputProperties } from './properties';
export { resolveInput } from './resolve';
export type { InputSource, ResolvedInput, ResolveContext } from './types';
export { describeBytes, detectFormat } from './fileFormat';
export { readPixelSize } from './pixelSize';
export type { PixelSize } from './pixelSize';
export { checkFile } from './preflight';
export type { AcceptedFile } from './preflight';
