'use strict';
// `npm pack` the package and unpack it the way n8n's community-package installer
// does: the tarball's contents only, devDependencies/peerDependencies/optionalDependencies
// stripped from package.json, and nothing from our node_modules.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

function run(command, args, options) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

function countFiles(dir) {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.reduce((n, entry) => n + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1), 0);
}

/** Packs repoRoot into workDir and unpacks it into workDir/package. */
function packToFolder(repoRoot, workDir) {
	fs.mkdirSync(workDir, { recursive: true });
	// The repo's .npmrc sets ignore-scripts, so no prepack hook runs: dist/ must already be built.
	const json = run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: repoRoot });
	const [{ filename }] = JSON.parse(json);
	const tarball = path.join(workDir, path.basename(filename));
	const dir = path.join(workDir, 'package');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	run('tar', ['xzf', tarball, '--strip-components=1', '-C', dir]);
	return { tarball, dir, fileCount: countFiles(dir) };
}

/**
 * Installs the packed package into <userFolder>/.n8n/nodes/node_modules/<name>, as n8n's
 * installer would. Returns the install directory.
 */
function installIntoN8n(repoRoot, userFolder, workDir) {
	const { dir } = packToFolder(repoRoot, workDir);
	const manifestPath = path.join(dir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	if (Object.keys(manifest.dependencies || {}).length > 0) {
		throw new Error(`package has runtime dependencies, which n8n would have to install: ${Object.keys(manifest.dependencies)}`);
	}

	const nodesFolder = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesFolder, 'node_modules', manifest.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.renameSync(dir, target);
	const hostManifest = path.join(nodesFolder, 'package.json');
	if (!fs.existsSync(hostManifest)) {
		fs.writeFileSync(hostManifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const host = JSON.parse(fs.readFileSync(hostManifest, 'utf8'));
	host.dependencies = { ...host.dependencies, [manifest.name]: manifest.version };
	fs.writeFileSync(hostManifest, JSON.stringify(host, null, 2));
	return target;
}

module.exports = { packToFolder, installIntoN8n };
