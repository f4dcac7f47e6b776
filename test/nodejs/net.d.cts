import net = require('node:net');
export = net;
