import http = require('node:http');
export = http;
