// Formatters are looked up by name.
import { compact, unix } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, html, sarif, github, junit, compact, unix };

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}
