module.exports = require('node:timers');
