import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Packages stay out of the bundle, imported by the file URL they resolve to: the bundle runs from
 * a data: URL, where a bare name (`@node-rs/jieba`) would not resolve.
 */
const packagesByLocation: Plugin = {
  name: 'packages-by-location',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async ({ path, kind, resolveDir, importer, pluginData }) => {
      if (pluginData === 'resolving') return undefined; // esbuild's own resolution, asked for below
      if (path.startsWith('node:')) return { external: true };
      const found = await builder.resolve(path, { kind, resolveDir, importer, pluginData: 'resolving' });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: pathToFileURL(found.path).href, external: true, sideEffects: false };
    });
  },
};

/**
 * Each module keeps its own location: word-lists.ts finds data/text and config.ts the project
 * root from import.meta, which in a bundle would all be the bundle's.
 */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      loader: 'ts',
      contents: (await readFile(path, 'utf8'))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
    }));
  },
};

/**
 * A worker thread's TypeScript entry and the project modules it imports, compiled into one
 * JavaScript module a worker starts from as a data: URL. A worker that registered tsx instead ran
 * a loader thread and an esbuild process of its own and resolved every module through them: about
 * a CPU-second per thread, where compiling once here takes about a tenth of one, esbuild's process included.
 */
export async function bundleWorkerEntry(entry: URL): Promise<URL> {
  // loaded here, not with this module: a run whose texts fit the main thread never needs it
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    plugins: [packagesByLocation, sourceLocations],
  });
  const [code] = outputFiles;
  if (code === undefined) throw new Error(`no bundle of ${entry.href}`);
  return new URL(`data:text/javascript,${encodeURIComponent(code.text)}`);
}
