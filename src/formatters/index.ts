// Formatters are looked up by name and loaded on demand: a run imports only the one it
// prints with (start-up time matters for pre-commit hooks; see docs/performance.md).
import type { Formatter } from './types.js';

const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  'json-with-metadata': async () => (await import('./json-with-metadata.js')).jsonWithMetadata,
  html: async () => (await import('./html.js')).html,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  compact: async () => (await import('./compact.js')).compact,
  unix: async () => (await import('./compact.js')).unix,
};

export function formatterNames(): string[] {
  return Object.keys(LOADERS);
}

/** The formatter called `name` (one of formatterNames()). */
export function loadFormatter(name: string): Promise<Formatter> {
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  if (!load) return Promise.reject(new Error(`unknown format "${name}"`));
  return load();
}
