// @ts-check
// The corpus: pinned published packages, fetched with `npm pack` into a cache outside the repository
// (never committed), extracted, and given their own runtime dependencies so imported types resolve.
// Shared by `npm run corpus` and `npm run bench`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import * as espree from 'espree';

/** The repository root (this file lives in scripts/corpus/). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @typedef {object} PackageSpec
 * @property {string} name npm package name
 * @property {string} version the pinned version
 * @property {string | string[]} include the folders (or single files) inside the package that are linted
 * @property {string[]} [exclude] what is left out of `include`, each with its reason in a comment: a path in
 *   the package (a folder or a file: a CommonJS copy of the same code, a test mock), or `*.<ext>` for
 *   the files with that extension
 * @property {false | 'source' | 'javascript'} typed the typed tier: `'source'` lints the package's TypeScript
 *   source with a program; `'javascript'` lints its JavaScript with a program (`allowJs`), where the
 *   package's and its dependencies' `.d.ts` let the checker see promises; `false` lints untyped only
 * @property {Record<string, unknown>} [compilerOptions] compiler options for the typed tier's tsconfig,
 *   for a package that ships no tsconfig.json of its own
 */

/** A package that ships TypeScript source without its tsconfig: what its own build would use. */
const TS_SOURCE_OPTIONS = {
  target: 'es2022',
  lib: ['es2023', 'dom', 'dom.iterable'],
  module: 'preserve',
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  strict: true,
  esModuleInterop: true,
  experimentalDecorators: true,
  resolveJsonModule: true,
};

/** @type {readonly PackageSpec[]} */
export const PACKAGES = [
  { name: 'mongodb', version: '7.8.0', include: 'src', typed: 'source' },
  { name: 'ioredis', version: '6.0.0', include: 'built', typed: 'javascript' },
  // esbuild bundles and minified browser bundles (10 MB): untyped only, a program over them would
  // cost minutes and the bundles' own types are in none of their `.d.ts`.
  { name: 'playwright-core', version: '1.65.1', include: 'lib', typed: false },
  { name: 'rxjs', version: '7.8.2', include: 'src', typed: 'source' },
  // ~9 MB in one file: untyped only.
  { name: 'typescript', version: '5.9.3', include: 'lib/typescript.js', typed: false },
  // TypeScript source, typed: a router library, a state library with many classes, a workflow
  // runtime, and a slice of effect (its whole 23 MB source would take most of the run).
  { name: '@trpc/server', version: '11.25.2', include: 'src', typed: 'source', compilerOptions: TS_SOURCE_OPTIONS },
  { name: 'mobx', version: '7.1.3', include: 'src', typed: 'source', compilerOptions: TS_SOURCE_OPTIONS },
  { name: '@temporalio/workflow', version: '1.24.0', include: 'src', typed: 'source', compilerOptions: TS_SOURCE_OPTIONS },
  {
    name: 'effect',
    version: '4.1.0',
    include: ['src/http', 'src/socket', 'src/reactivity', 'src/persistence'],
    typed: 'source',
    compilerOptions: TS_SOURCE_OPTIONS,
  },
  // Compiled JavaScript with `.d.ts` beside it (or for its dependencies): typed with `allowJs`.
  { name: 'firebase-admin', version: '14.5.1', include: 'lib', typed: 'javascript' },
  { name: 'mysql2', version: '3.24.6', include: 'lib', typed: 'javascript' },
  {
    // 16.5.6, not 17.0.1: 17.0.1's own dependencies (@polkadot/api-augment@17.0.1) are not published.
    name: '@polkadot/api',
    version: '16.5.6',
    include: '.',
    // cjs/ is the same code compiled to CommonJS; the bundle is all of @polkadot/api and its dependencies in one file.
    exclude: ['cjs', 'bundle-polkadot-api.js'],
    typed: 'javascript',
  },
  {
    name: '@polkadot/rpc-provider',
    version: '16.5.6',
    include: '.',
    // cjs/: the CommonJS copy; mock/: a test mock whose `import … assert { type: 'json' }` no parser of ours reads.
    exclude: ['cjs', 'mock'],
    typed: 'javascript',
  },
  {
    name: 'typeorm-aurora-data-api-driver',
    version: '3.0.2',
    include: 'dist',
    // The UMD bundle is the ES5 bundle again with a UMD wrapper; types/ holds only `.d.ts`.
    exclude: ['dist/typeorm-aurora-data-api-driver.umd.js'],
    typed: 'javascript',
  },
  { name: 'pg-boss', version: '12.38.0', include: 'dist', typed: 'javascript' },
  // dist/ ships each module twice, as `.js` and `.cjs`: the ES modules are linted.
  { name: 'node-telegram-bot-api', version: '2.1.0', include: 'dist', exclude: ['*.cjs'], typed: 'javascript' },
  // Awaitable classes and awaitable-by-design objects (require-awaited-init's held instances): a
  // changes feed that is its own promise, a plugin loader and a server awaited after their setup
  // calls, query builders awaited at the end of a chain, a protocol client. Compiled JavaScript,
  // typed with `allowJs`; the big ones sliced to the parts with those classes.
  // lib/index.js is the CommonJS copy of index.es.js.
  { name: 'pouchdb-core', version: '9.0.0', include: 'lib', exclude: ['lib/index.js'], typed: 'javascript' },
  // With its tests and examples: code that uses the awaitable `avvio` instance (`app.use(…)` before `await app`).
  { name: 'avvio', version: '9.3.1', include: ['index.js', 'lib', 'test', 'examples'], typed: 'javascript' },
  { name: 'fastify', version: '5.12.8', include: ['fastify.js', 'lib'], typed: 'javascript' },
  {
    name: 'kysely',
    version: '0.29.9',
    // The query builders, the executor, the dialects and drivers that run them, and the Kysely class.
    include: ['dist/kysely.js', 'dist/query-creator.js', 'dist/query-builder', 'dist/query-executor', 'dist/raw-builder', 'dist/dialect', 'dist/driver', 'dist/migration'],
    typed: 'javascript',
  },
  {
    name: 'knex',
    version: '3.3.0',
    // The builders, the runner and the client; of the dialects, PostgreSQL's.
    include: ['knex.js', 'lib/client.js', 'lib/raw.js', 'lib/knex-builder', 'lib/query', 'lib/execution', 'lib/schema', 'lib/migrations', 'lib/dialects/postgres'],
    typed: 'javascript',
  },
  {
    name: 'drizzle-orm',
    version: '0.45.4',
    // 17 MB over every driver: the thenable query promise, the PostgreSQL query builders and session, and one driver.
    include: ['query-promise.js', 'session.js', 'pg-core/query-builders', 'pg-core/session.js', 'pg-core/db.js', 'node-postgres'],
    // Each module ships again as `.cjs`.
    exclude: ['*.cjs'],
    typed: 'javascript',
  },
  {
    name: 'mongoose',
    version: '9.13.2',
    // The thenable Query and Aggregate, the connection, models, documents and cursors.
    include: ['lib/query.js', 'lib/aggregate.js', 'lib/connection.js', 'lib/model.js', 'lib/document.js', 'lib/mongoose.js', 'lib/cursor', 'lib/drivers'],
    typed: 'javascript',
  },
  // chrome-remote-interface.js at the root is the minified browser bundle of the same code.
  { name: 'chrome-remote-interface', version: '0.34.0', include: ['index.js', 'lib'], typed: 'javascript' },
];

/**
 * @typedef {object} PreparedPackage
 * @property {PackageSpec} spec
 * @property {string} version the version actually used (the pinned one unless it is not published)
 * @property {string | undefined} versionNote why another version was used, when it was
 * @property {string} dir the extracted package
 * @property {string | undefined} integrity the tarball's integrity as npm reported it
 * @property {string[]} jsFiles absolute paths of the JavaScript files to lint (untyped)
 * @property {string[]} tsFiles absolute paths of the TypeScript files to lint (untyped)
 * @property {string[]} typedFiles the files the typed tier lints: the TypeScript files of a `'source'`
 *   package, the JavaScript files of a `'javascript'` one, none for an untyped one
 * @property {string | undefined} tsconfig the generated tsconfig for the typed run
 * @property {Set<string>} moduleFiles the JavaScript files that are ES modules (the others are CommonJS)
 */

/** `${XDG_CACHE_HOME:-~/.cache}/eslint-plugin-async-init/corpus`, or `ASYNC_INIT_CORPUS_DIR`. */
export function cacheDir() {
  if (process.env.ASYNC_INIT_CORPUS_DIR) {
    return path.resolve(process.env.ASYNC_INIT_CORPUS_DIR);
  }
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'eslint-plugin-async-init', 'corpus');
}

/**
 * Runs npm with the given arguments and returns its stdout.
 * @param {string[]} args
 * @param {string} cwd
 */
function npm(args, cwd) {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Checks the pinned version is published; if not, picks the nearest published one: the highest
 * lower version of the same major, else the lowest higher one.
 * @param {PackageSpec} spec
 * @param {string} cwd
 * @returns {{ version: string, note: string | undefined }}
 */
function resolveVersion(spec, cwd) {
  /** @type {string[]} */
  const versions = JSON.parse(npm(['view', spec.name, 'versions', '--json'], cwd));
  if (versions.includes(spec.version)) {
    return { version: spec.version, note: undefined };
  }
  const parse = (/** @type {string} */ v) => v.split(/[.+-]/).slice(0, 3).map(Number);
  const compare = (/** @type {string} */ a, /** @type {string} */ b) => {
    const [x, y] = [parse(a), parse(b)];
    for (let i = 0; i < 3; i++) {
      if ((x[i] ?? 0) !== (y[i] ?? 0)) {
        return (x[i] ?? 0) - (y[i] ?? 0);
      }
    }
    return 0;
  };
  const stable = versions.filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(compare);
  const major = parse(spec.version)[0];
  const lower = stable.filter((v) => compare(v, spec.version) < 0 && parse(v)[0] === major).at(-1);
  const higher = stable.find((v) => compare(v, spec.version) > 0);
  const chosen = lower ?? higher;
  if (!chosen) {
    throw new Error(`${spec.name}: ${spec.version} is not published and no other version was found`);
  }
  return {
    version: chosen,
    note: `${spec.name}@${spec.version} is not published on the registry; used the nearest published version ${chosen}.`,
  };
}

/**
 * Lists the files under the package's `include` entries (folders or single files) whose names end
 * with one of `extensions`, less the `exclude` entries.
 * @param {string} dir the package folder
 * @param {PackageSpec} spec
 * @param {string[]} extensions
 */
function listFiles(dir, spec, extensions) {
  const excluded = (spec.exclude ?? []).map((entry) =>
    entry.startsWith('*.') ? { ext: entry.slice(1) } : { path: path.join(dir, entry) },
  );
  const matches = (/** @type {string} */ file) =>
    extensions.some((ext) => file.endsWith(ext)) &&
    !/\.d\.[cm]?ts$/.test(file) &&
    !file.includes('node_modules') &&
    !excluded.some((entry) =>
      entry.ext ? file.endsWith(entry.ext) : file === entry.path || file.startsWith(`${entry.path}${path.sep}`),
    );
  const includes = Array.isArray(spec.include) ? spec.include : [spec.include];
  return includes
    .flatMap((include) => {
      const root = path.join(dir, include);
      if (statSync(root).isFile()) {
        return [root];
      }
      return readdirSync(root, { recursive: true, encoding: 'utf8' }).map((relative) => path.join(root, relative));
    })
    .filter((file) => matches(file) && statSync(file).isFile())
    .sort();
}

/**
 * Writes the tsconfig the typed run uses, listing exactly the files the typed tier lints, no emit,
 * and @types/node from this repository. A `'source'` package keeps its own compiler options when it
 * ships a tsconfig.json (else its spec's `compilerOptions`); a `'javascript'` one gets `allowJs`
 * and Node's module resolution, so its imports resolve to the `.d.ts` it and its dependencies ship.
 * TypeScript 6 deprecates options these packages still set (`moduleResolution: node`, `baseUrl`,
 * `esModuleInterop: false`): `ignoreDeprecations` keeps their meaning instead of failing the program.
 * @param {string} dir
 * @param {PackageSpec} spec
 * @param {string[]} files
 */
function writeTsconfig(dir, spec, files) {
  const file = path.join(dir, 'tsconfig.corpus.json');
  const own = path.join(dir, 'tsconfig.json');
  const extendsOwn = spec.typed === 'source' && existsSync(own);
  const config = {
    ...(extendsOwn ? { extends: './tsconfig.json' } : {}),
    compilerOptions: {
      ...(spec.typed === 'javascript'
        ? { allowJs: true, checkJs: false, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', maxNodeModuleJsDepth: 0 }
        : {}),
      ...(extendsOwn ? {} : spec.compilerOptions),
      noEmit: true,
      incremental: false,
      composite: false,
      declaration: false,
      declarationMap: false,
      sourceMap: false,
      skipLibCheck: true,
      ignoreDeprecations: '6.0',
      typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
      types: ['node'],
    },
    files: files.map((f) => path.relative(dir, f)),
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

/**
 * Installs the package's own runtime dependencies (not its devDependencies, which need a build
 * toolchain and can conflict) into its folder, without running any install script.
 * @param {string} dir
 */
function installDependencies(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (!manifest.dependencies || Object.keys(manifest.dependencies).length === 0) {
    return;
  }
  const original = path.join(dir, 'package.original.json');
  renameSync(path.join(dir, 'package.json'), original);
  try {
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: manifest.name, version: manifest.version, private: true, dependencies: manifest.dependencies }, null, 2),
    );
    npm(['install', '--ignore-scripts', '--no-package-lock', '--no-audit', '--no-fund'], dir);
  } finally {
    renameSync(original, path.join(dir, 'package.json'));
  }
}

/**
 * Fetches, extracts and prepares one package (cached: a second call only lists the files).
 * @param {PackageSpec} spec
 * @param {(line: string) => void} log
 * @returns {PreparedPackage}
 */
export function preparePackage(spec, log) {
  const root = cacheDir();
  const tarballs = path.join(root, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  // A scoped name (`@trpc/server`) would be a folder: `@trpc+server`.
  const folder = spec.name.replace('/', '+');
  const stamp = path.join(root, 'packages', `${folder}@${spec.version}.json`);
  /** @type {{ version: string, note?: string, dir: string, integrity?: string } | undefined} */
  let prepared = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')) : undefined;
  if (!prepared || !existsSync(prepared.dir)) {
    const { version, note } = resolveVersion(spec, tarballs);
    if (note) {
      log(`note: ${note}`);
    }
    log(`fetching ${spec.name}@${version} (npm pack)`);
    const [packed] = JSON.parse(npm(['pack', `${spec.name}@${version}`, '--json', '--pack-destination', tarballs], tarballs));
    const dir = path.join(root, 'packages', `${folder}@${version}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(tarballs, packed.filename), '-C', dir, '--strip-components=1']);
    if (spec.typed) {
      log(`installing ${spec.name}'s dependencies (npm install --ignore-scripts)`);
      installDependencies(dir);
    }
    prepared = { version, ...(note ? { note } : {}), dir, integrity: packed.integrity };
    writeFileSync(stamp, `${JSON.stringify(prepared, null, 2)}\n`);
  }
  const jsFiles = listFiles(prepared.dir, spec, ['.js', '.cjs', '.mjs']);
  const tsFiles = listFiles(prepared.dir, spec, ['.ts', '.mts', '.cts']);
  const typedFiles = spec.typed === 'source' ? tsFiles : spec.typed === 'javascript' ? jsFiles : [];
  return {
    spec,
    version: prepared.version,
    versionNote: prepared.note,
    dir: prepared.dir,
    integrity: prepared.integrity,
    jsFiles,
    tsFiles,
    typedFiles,
    tsconfig: spec.typed ? writeTsconfig(prepared.dir, spec, typedFiles) : undefined,
    moduleFiles: moduleFiles(prepared.dir, jsFiles, `${stamp.slice(0, -'.json'.length)}.modules.json`),
  };
}

/**
 * Which JavaScript files are ES modules: a CommonJS package can ship bundled browser modules and
 * vice versa, so each file is parsed once as CommonJS (or as a module, in a `"type": "module"`
 * package) and, if that fails, takes the other source type. The answer is cached next to the stamp,
 * with the files it was given (another `include` is asked again).
 * @param {string} dir
 * @param {string[]} files
 * @param {string} cache
 * @returns {Set<string>}
 */
function moduleFiles(dir, files, cache) {
  const listed = files.map((file) => path.relative(dir, file));
  if (existsSync(cache)) {
    /** @type {{ files?: string[], modules?: string[] } | string[]} */
    const cached = JSON.parse(readFileSync(cache, 'utf8'));
    // Only for the same files: a spec whose `include` grew has files the cache never looked at.
    if (!Array.isArray(cached) && JSON.stringify(cached.files) === JSON.stringify(listed)) {
      return new Set((cached.modules ?? []).map((file) => path.join(dir, file)));
    }
  }
  const isModulePackage = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type === 'module';
  const parses = (/** @type {string} */ text, /** @type {'module' | 'commonjs'} */ sourceType) => {
    try {
      espree.parse(text, { ecmaVersion: 'latest', sourceType });
      return true;
    } catch {
      return false;
    }
  };
  const modules = files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return isModulePackage ? parses(text, 'module') || !parses(text, 'commonjs') : !parses(text, 'commonjs') && parses(text, 'module');
  });
  writeFileSync(cache, `${JSON.stringify({ files: listed, modules: modules.map((file) => path.relative(dir, file)) }, null, 2)}\n`);
  return new Set(modules);
}

/**
 * Prepares every package, or those named in `only`.
 * @param {(line: string) => void} log
 * @param {string[]} [only]
 */
export function prepareCorpus(log, only) {
  return PACKAGES.filter((spec) => !only || only.length === 0 || only.includes(spec.name)).map((spec) =>
    preparePackage(spec, log),
  );
}
