import zlib = require('node:zlib');
export = zlib;
