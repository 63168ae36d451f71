// The page's state in its URL: the code, the language and the options, so that a link reproduces a
// case. They live in the fragment (`#code=…&lang=ts&rules=…`), which never reaches a server; the
// code and the options are deflated and base64url-encoded to keep links short.
import type { Language } from './rules-info.js';

export interface PlaygroundState {
  code: string;
  language: Language;
  /** The options editor's text, as typed. */
  rules: string;
}

/** The fragment (without `#`) for `state`; `rules` is left out when it is `defaultRules`. */
export async function encodeState(state: PlaygroundState, defaultRules: string): Promise<string> {
  const params = new URLSearchParams();
  params.set('code', await pack(state.code));
  params.set('lang', state.language);
  if (state.rules !== defaultRules) {
    params.set('rules', await pack(state.rules));
  }
  return params.toString();
}

/**
 * The state a fragment holds, with what it lacks taken from `fallback`. A fragment this page did not
 * write (cut short, edited by hand) gives `undefined` rather than half a state.
 */
export async function decodeState(fragment: string, fallback: PlaygroundState): Promise<PlaygroundState | undefined> {
  const params = new URLSearchParams(fragment.replace(/^#/u, ''));
  const code = params.get('code');
  if (code === null) {
    return undefined;
  }
  try {
    const rules = params.get('rules');
    const language = params.get('lang');
    return {
      code: await unpack(code),
      language: language === 'js' || language === 'ts' ? language : fallback.language,
      rules: rules === null ? fallback.rules : await unpack(rules),
    };
  } catch {
    return undefined;
  }
}

async function pack(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/u, '');
}

async function unpack(encoded: string): Promise<string> {
  const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Response(stream).arrayBuffer());
}
