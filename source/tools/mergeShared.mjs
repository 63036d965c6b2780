// A second esbuild pass over the split modules (source/tools/build.mjs writes them first): the small modules that
// the console's first frame shares with the scriptable commands become one module.
//
// Why: esbuild gives every set of entry points that share code a module of its own. The console's first frame
// needed 36 modules, 28 of them small ones (formatting, errors, services, Regions, preferences: 67 KB in all) that
// the commands use too, and Node's ES module loader spends a fraction of a millisecond on each module it reads,
// links and evaluates, more when they import one another in a chain. Commands load most of those modules anyway.
//
// How: esbuild splits by statement, putting together the statements that the same entry points use. A virtual
// module that every shared module imports, and that names all their bindings in one statement, makes every one of
// those statements used by the same entry points (all that reach any of them), so they become one module.
import {build} from 'esbuild';
import {readFileSync} from 'node:fs';
import {basename, join} from 'node:path';

/**
 * The modules to merge: those in the static import closure of `consoleEntry` (a source path, e.g.
 * source/console/runConsole.tsx) that some entry point outside the console also reaches statically.
 * `isConsoleEntry` tells the console's entry points (its screens) by their source path.
 */
export function sharedWithCommands(metafile, consoleEntry, isConsoleEntry) {
	const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([path, output]) => [path.split('/').pop(), output]));
	const closure = (name, into = new Set()) => {
		if (into.has(name) || !outputs[name]) return into;
		into.add(name);
		for (const i of outputs[name].imports) if (i.kind === 'import-statement' && !i.external) closure(i.path.split('/').pop(), into);
		return into;
	};
	const entries = Object.entries(outputs).filter(([, output]) => output.entryPoint);
	const consoleModule = entries.find(([, output]) => output.entryPoint === consoleEntry)?.[0];
	if (!consoleModule) throw new Error(`merge-shared: no entry point ${consoleEntry} in the split build`);
	const firstFrame = closure(consoleModule);
	const commands = new Set();
	for (const [name, output] of entries) if (!isConsoleEntry(output.entryPoint)) closure(name, commands);
	const shared = [...firstFrame].filter(name => commands.has(name) && name !== consoleModule);
	return {shared, exports: Object.fromEntries(shared.map(name => [name, outputs[name].exports]))};
}

/** Bundles `fromDir` (main.mjs and its modules) again into `toDir`, with the modules `shared` merged into one. */
export async function mergeShared({fromDir, toDir, shared, exports, options}) {
	const merged = new Set(shared);
	return build({
		...options,
		entryPoints: {main: join(fromDir, 'main.mjs')},
		outdir: toDir,
		bundle: true,
		splitting: true,
		format: 'esm',
		metafile: true,
		plugins: [
			{
				name: 'merge-shared',
				setup(b) {
					b.onResolve({filter: /^smsdeck:merged$/}, () => ({path: 'merged', namespace: 'merged'}));
					// Each shared module imports the merged one, which is thus reached wherever any of them is.
					b.onLoad({filter: /[\\/]chunk-[A-Z0-9]+\.mjs$/}, args => {
						if (!merged.has(basename(args.path))) return undefined;
						return {contents: `import 'smsdeck:merged';\n${readFileSync(args.path, 'utf8')}`, loader: 'js'};
					});
					// esbuild splits by statement, grouping statements by the entry points that use them. One statement
					// naming every binding of the shared modules (a call never made: `?.` skips its arguments) makes
					// them all used wherever any is, so they land in one module.
					b.onLoad({filter: /.*/, namespace: 'merged'}, () => {
						const locals = [];
						const imports = shared.map((name, i) => {
							const names = exports[name].map(exported => [exported, `m${i}_${exported.replace(/[^\w$]/g, '_')}`]);
							locals.push(...names.map(([, local]) => local));
							return names.length > 0 ? `import {${names.map(([exported, local]) => `${exported} as ${local}`).join(', ')}} from './${name}';\n` : `import './${name}';\n`;
						});
						return {contents: `${imports.join('')}globalThis.__smsdeckNever?.(${locals.join(', ')});\n`, loader: 'js', resolveDir: fromDir};
					});
				},
			},
		],
	});
}

