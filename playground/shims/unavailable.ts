// Node built-ins the page cannot have (`fs`, `os`, `crypto`, …), for the modules that import them
// on code paths a one-file lint in the browser never takes: typescript-estree's and
// tsconfig-utils' project and project-service code (only with `project` or `projectService`),
// TypeScript's Node `sys` (only when it detects Node, which the `process` shim rules out).
// Importing one works, so those modules load; using anything it exports throws an error that names
// the module and the export, so a path that does reach one fails loudly instead of misbehaving.

/** A stand-in for the Node built-in `name`: every property is a function that throws when called. */
export function unavailableModule(name: string): object {
  return new Proxy(
    {},
    {
      get(_target, property) {
        // What bundlers' CommonJS interop and promise checks probe: absent, as on a plain object.
        if (property === '__esModule' || property === 'default' || property === 'then' || typeof property === 'symbol') {
          return undefined;
        }
        return () => {
          throw new Error(
            `\`node:${name}\` (\`${property}\`) is not available in the playground: it lints one file in a browser, without a file system or a TypeScript project.`,
          );
        };
      },
    },
  );
}
