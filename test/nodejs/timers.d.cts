import timers = require('node:timers');
export = timers;
