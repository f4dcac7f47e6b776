/**
 * Under tsx, `require('…/HuaweiCloudOcr.node')` resolves to the node's codex file
 * HuaweiCloudOcr.node.json (Node tries .json before tsx's .ts). Jest and the build don't have this
 * problem; the demo runs TypeScript sources directly, so it points such requests at the .ts file.
 */
import { existsSync } from 'node:fs';
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const resolve = moduleWithResolver._resolveFilename;

moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
	const resolved = resolve.call(this, request, ...rest);
	if (resolved.endsWith('.node.json') && !request.endsWith('.json')) {
		const source = resolved.replace(/\.json$/, '.ts');
		if (existsSync(source)) return source;
	}
	return resolved;
};
