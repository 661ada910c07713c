// Lists (`lists:` in a pack) and their use: `@name` references in terms and hotword lists.
// Lists are global: a pack may use a vocabulary another pack defines.
import type { YamlSource } from '../yaml-source.js';
import { checkHotwordRegex } from './regex-checks.js';
import type { RawPack } from './raw.js';

/** A list written as a block of text: one term per line, blank lines and `#` comments skipped. */
function linesOf(block: string): string[] {
  return block
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export class Lists {
  readonly byName = new Map<string, string[]>();
  /**
   * Several rules name the same vocabularies (two place rules, both over every US town): a
   * combination of lists is expanded once, and the same array shares one TermIndex.
   */
  private readonly expanded = new Map<string, string[]>();

  /** `recheck`: check `/regex/` entries even in packs checked at build time. */
  constructor(private readonly recheck: boolean) {}

  define(src: YamlSource, raw: RawPack): void {
    for (const [name, items] of Object.entries(raw.lists ?? {})) {
      if (this.byName.has(name)) throw src.error(['lists', name], `list "${name}" is defined twice`);
      const list = typeof items === 'string' ? linesOf(items) : items;
      list.forEach((t, i) => checkHotwordRegex(src, ['lists', name, i], t, this.recheck));
      this.byName.set(name, list);
    }
  }

  /** Terms with every `@list` replaced by its items. */
  expand(src: YamlSource, path: (string | number)[], items: string | string[] | undefined): string[] {
    const lists = this.byName;
    const arr = items === undefined ? [] : Array.isArray(items) ? items : [items];
    // `/regex/` hotwords are patterns like any other: checked for syntax and safety here
    arr.forEach((t, i) => checkHotwordRegex(src, [...path, ...(Array.isArray(items) ? [i] : [])], t, this.recheck));
    const onlyLists = arr.length > 0 && arr.every((t) => t.startsWith('@') && lists.has(t.slice(1)));
    const key = onlyLists ? arr.join('\0') : '';
    const known = onlyLists ? this.expanded.get(key) : undefined;
    if (known) return known;
    const out: string[] = [];
    arr.forEach((t, i) => {
      if (t.startsWith('@')) {
        const l = lists.get(t.slice(1));
        if (!l) {
          const defined = [...lists.keys()].join(', ') || 'none';
          const at = [...path, ...(Array.isArray(items) ? [i] : [])];
          throw src.error(at, `unknown list "${t}" (defined lists: ${defined})`);
        }
        for (const x of l) out.push(x);
      } else out.push(t);
    });
    if (onlyLists) this.expanded.set(key, out);
    return out;
  }

  /** How many terms a hotword list holds once expanded (without expanding it). */
  size(items: string[]): number {
    return items.reduce((n, t) => n + (t.startsWith('@') ? (this.byName.get(t.slice(1))?.length ?? 0) : 1), 0);
  }
}
