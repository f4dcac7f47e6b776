/**
 * tsx resolves `./HuaweiCloudOcr.node` to the codex file `HuaweiCloudOcr.node.json` that n8n needs
 * beside the node, instead of `HuaweiCloudOcr.node.ts` (jest and tsc pick the .ts). Imported first
 * by the harness, this makes such imports find the TypeScript source for tsx scripts (demo, bench).
 */
import { existsSync } from '../nodejs/fs.cjs';
import Module from '../nodejs/module.cjs';
import { isAbsolute, resolve } from '../nodejs/path.cjs';

type Resolve = (request: string, parent: { filename?: string; path?: string } | undefined, ...rest: unknown[]) => string;

const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;

moduleWithResolver._resolveFilename = function (request, parent, ...rest) {
	if (request.endsWith('.node') && (request.startsWith('.') || isAbsolute(request)) && parent?.path) {
		const candidate = `${resolve(parent.path, request)}.ts`;
		if (existsSync(candidate)) return candidate;
	}
	return original.call(this, request, parent, ...rest);
};
