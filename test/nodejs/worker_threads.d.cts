import workerThreads = require('node:worker_threads');
export = workerThreads;
