// Runs V8's garbage collector when Node was started with --expose-gc (the bench's memory and event
// loop children are); otherwise does nothing. CommonJS: `gc` lives on the global object.
module.exports = function collectGarbage() {
	if (typeof globalThis.gc === 'function') globalThis.gc();
};
