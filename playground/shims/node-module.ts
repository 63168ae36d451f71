// `node:module` for the page. Our rules' type tier (src/analysis/types.ts) makes a `require` at load
// time and calls it for `typescript` and `ts-api-utils` only once a file comes with a TypeScript
// program, which the playground never has: so `createRequire` works, and what it returns throws.

export function createRequire(_from: string | URL): (id: string) => never {
  return (id) => {
    throw new Error(`\`${id}\` is not loaded in the playground: the rules' type tier needs a TypeScript project, which a page in the browser does not have.`);
  };
}
