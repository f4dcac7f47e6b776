import os = require('node:os');
export = os;
