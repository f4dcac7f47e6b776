import stream = require('node:stream');
export = stream;
