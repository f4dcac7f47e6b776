import path = require('node:path');
export = path;
