/** Skip Duplicate Files: one read per identical file in a run, and optionally across runs. */
export { fileFingerprint } from './fingerprint';
export { DuplicateReads, type SharedRead } from './inExecution';
export { ReadFiles, type FirstRead } from './acrossExecutions';
export { DUPLICATE_MODES, REMEMBERED_FILES, duplicateOptionFields, type DuplicateMode } from './properties';
export { readDuplicateMode } from './settings';
