import childProcess = require('node:child_process');
export = childProcess;
