// What the build provides that TypeScript cannot see: see playground/build.js.

declare module 'playground:samples' {
  /** The files of examples/, read when the page is built. */
  const samples: readonly { name: string; code: string }[];
  export default samples;
}

/** A stylesheet: the build bundles it into main.css. */
declare module '*.css';
