import console = require('node:console');
export = console;
