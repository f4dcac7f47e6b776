import readline = require('node:readline');
export = readline;
