// The `process` global that code bundled into the page reads, as a browser has none.
//
// What reads it: typescript-estree's parse settings (`process.cwd()`, `process.env`, `process.argv`
// to guess a single CLI run), path-browserify's `resolve()` (`process.cwd()`), ESLint's warnings
// (`process.emitWarning`) and its timing switch (`process.env.TIMING`). `browser: true` and the
// missing `nextTick` are what TypeScript checks to decide it is not in Node: it then uses no `sys`
// (no file system), which parsing one file does not need.
export const process = {
  browser: true,
  env: {} as Record<string, string | undefined>,
  argv: [] as string[],
  platform: 'browser',
  cwd: (): string => '/',
  emitWarning: (warning: string | Error): void => console.warn(warning),
};
