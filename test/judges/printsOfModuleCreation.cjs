// qpdf's WebAssembly build has no print option: while its module is created it binds console.log
// and console.error of the global object it runs in (under jest, the test's own console). So the
// judge swaps those two for `sink` while `create` runs; the build keeps printing to `sink` after.
// CommonJS because it reaches the global object, which n8n's rules forbid in TypeScript.
module.exports = function createPrintingTo(sink, create) {
	const { console } = globalThis;
	const original = { log: console.log, error: console.error };
	const restore = () => Object.assign(console, original);
	console.log = (...parts) => sink(parts.join(' '));
	console.error = console.log;
	try {
		return Promise.resolve(create()).finally(restore);
	} catch (error) {
		restore();
		throw error;
	}
};
