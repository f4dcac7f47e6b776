import fs = require('node:fs');
export = fs;
