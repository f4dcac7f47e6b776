import perfHooks = require('node:perf_hooks');
export = perfHooks;
