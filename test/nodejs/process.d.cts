import process = require('node:process');
export = process;
