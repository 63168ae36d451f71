// `npm run playground`: bundles the playground (playground/src/) into a static page in
// playground/dist/ that runs every rule in the browser, offline: CodeMirror and the samples from
// examples/ go into the page's bundle (main.js), ESLint's `Linter`, typescript-eslint's parser,
// TypeScript and the rules into its worker's (worker.js), and nothing is fetched from anywhere else
// when the page runs.
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import * as esbuild from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = path.join(here, '..');
const shims = path.join(here, 'shims');

/**
 * How each Node built-in that the bundled code imports is provided in the browser. `path` is used for
 * real (ESLint and typescript-estree take file names apart) and gets path-browserify, Node's POSIX
 * `path` ported to the browser. `module` gets a `createRequire` for our type tier that loads nothing.
 * The others are imported only by code a one-file lint without a project never runs (see
 * shims/unavailable.ts): each becomes a module whose every export throws, naming itself.
 */
const BUILTIN_SHIMS = {
  path: 'path-browserify',
  module: path.join(shims, 'node-module.ts'),
};

const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** @type {esbuild.Plugin} */
const browserShims = {
  name: 'async-init-browser-shims',
  setup(build) {
    // The rules import `@typescript-eslint/utils` for its AST helpers; its entry also loads
    // `TSESLint`, which needs ESLint's Node API. See shims/typescript-eslint-utils.ts.
    build.onResolve({ filter: /^@typescript-eslint\/utils$/ }, () => ({ path: path.join(shims, 'typescript-eslint-utils.ts') }));

    build.onResolve({ filter: /^[a-z_]+(\/[a-z_]+)?$|^node:/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      const base = name.split('/')[0] ?? name;
      if (!builtins.has(base)) {
        return undefined;
      }
      const shim = BUILTIN_SHIMS[/** @type {keyof typeof BUILTIN_SHIMS} */ (name)];
      if (shim !== undefined) {
        return shim.startsWith('/') ? { path: shim } : build.resolve(shim, { kind: args.kind, resolveDir: here });
      }
      return { path: name, namespace: 'unavailable' };
    });
    build.onLoad({ filter: /.*/, namespace: 'unavailable' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(path.join(shims, 'unavailable.ts'))}).unavailableModule(${JSON.stringify(args.path)});`,
      loader: 'js',
      resolveDir: shims,
    }));

    // `import samples from 'playground:samples'`: the files of examples/, read when the page is built.
    build.onResolve({ filter: /^playground:samples$/ }, () => ({ path: 'samples', namespace: 'playground' }));
    build.onLoad({ filter: /^samples$/, namespace: 'playground' }, async () => {
      const examples = path.join(repoRoot, 'examples');
      const names = (await readdir(examples)).filter((name) => /\.[cm]?[jt]sx?$/.test(name)).sort();
      const samples = await Promise.all(names.map(async (name) => ({ name, code: await readFile(path.join(examples, name), 'utf8') })));
      return { contents: `export default ${JSON.stringify(samples)};`, loader: 'js', watchFiles: names.map((name) => path.join(examples, name)) };
    });
  },
};

/**
 * Builds the page into `outdir` (playground/dist/ by default): index.html, main.js, main.css, worker.js.
 * Returns the output files and their sizes in bytes.
 * @param {{ outdir?: string, minify?: boolean, sourcemap?: boolean }} [options]
 * @returns {Promise<{ outdir: string, files: Record<string, number> }>}
 */
export async function buildPlayground({ outdir = path.join(here, 'dist'), minify = true, sourcemap = true } = {}) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: { main: path.join(here, 'src/main.ts'), worker: path.join(here, 'src/worker.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    minify,
    sourcemap: sourcemap ? 'linked' : false,
    metafile: true,
    logLevel: 'warning',
    inject: [path.join(shims, 'process.ts')],
    define: {
      'process.env.NODE_ENV': '"production"',
      // typescript-estree's and ESLint's `debug` logging, off.
      'process.env.DEBUG': 'undefined',
    },
    plugins: [browserShims],
  });
  await copyFile(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
  /** @type {Record<string, number>} */
  const files = { 'index.html': (await readFile(path.join(outdir, 'index.html'))).byteLength };
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    files[path.relative(outdir, path.resolve(repoRoot, file))] = output.bytes;
  }
  return { outdir, files };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node playground/build.js [--outdir DIR] [--no-sourcemap]`
  const { values } = parseArgs({ options: { outdir: { type: 'string' }, 'no-sourcemap': { type: 'boolean' } } });
  const started = performance.now();
  const { outdir, files } = await buildPlayground({
    ...(values.outdir === undefined ? {} : { outdir: path.resolve(values.outdir) }),
    sourcemap: values['no-sourcemap'] !== true,
  });
  const sizes = Object.entries(files)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(0)} KiB`)
    .join(', ');
  console.log(`Built the playground into ${path.relative(process.cwd(), outdir) || '.'}/ in ${((performance.now() - started) / 1000).toFixed(1)} s: ${sizes}.`);
  console.log('Serve it with `npm run playground:serve`, or open its index.html from any static file server.');
}
