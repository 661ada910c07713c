// Formatters are looked up by name.
import { html } from './html.js';
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, html };

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}
