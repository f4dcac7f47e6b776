import nodeModule = require('node:module');
export = nodeModule;
