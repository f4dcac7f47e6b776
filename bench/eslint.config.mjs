// bench/ holds Node programs, not n8n nodes: see .ci/eslint.devCode.mjs.
export { default } from '../.ci/eslint.devCode.mjs';
