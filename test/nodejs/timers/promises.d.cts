import timersPromises = require('node:timers/promises');
export = timersPromises;
