// Reading the documentation in tests: a page of docs/ (or the README), one section of it by
// its heading, GitHub's anchor for a heading, and the relative links a page holds (code
// blocks and code spans left out, as a Markdown renderer leaves them).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers.js';

/** A documentation file's text, by its path from the repository root (`docs/cli.md`). */
export function readDoc(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** Every Markdown file of docs/ (subfolders too), as paths from the repository root. */
export function docPages(dir = join(ROOT, 'docs')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? docPages(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
    .map((f) => relative(ROOT, f).split('\\').join('/'))
    .sort();
}

/** The text with fenced code blocks blanked (their lines kept, so line numbers hold). */
export function withoutCode(text: string): string {
  let fence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const m = /^\s*(`{3,}|~{3,})/.exec(line);
      if (m) {
        if (!fence) fence = m[1]![0]!.repeat(m[1]!.length);
        else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
        return '';
      }
      return fence ? '' : line;
    })
    .join('\n');
}

/** The headings of a page outside code blocks: level and text. */
export function headings(text: string): { level: number; title: string }[] {
  return [...withoutCode(text).matchAll(/^(#{1,6}) +(.+?)\s*#*\s*$/gm)].map((m) => ({
    level: m[1]!.length,
    title: m[2]!,
  }));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a page's headings make, with GitHub's -1, -2 … for repeated ones. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const h of headings(text)) {
    const s = slug(h.title);
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    out.add(n ? `${s}-${n}` : s);
  }
  return out;
}

/** The section under the heading TITLE (any level), up to the next heading of its level or above. */
export function docSection(path: string, title: string): string {
  const text = readDoc(path);
  const lines = text.split('\n');
  const code = withoutCode(text).split('\n');
  const start = code.findIndex((l) =>
    new RegExp(`^#{1,6} +${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`).test(l),
  );
  if (start < 0) throw new Error(`${path} has no heading "${title}"`);
  const level = /^#+/.exec(code[start]!)![0].length;
  let end = start + 1;
  while (end < lines.length && !(/^#{1,6} /.test(code[end]!) && /^#+/.exec(code[end]!)![0].length <= level)) end++;
  return lines.slice(start, end).join('\n');
}

/** The link targets of a page outside code blocks and code spans: `[text](target)` and `![alt](target)`. */
export function links(text: string): string[] {
  const prose = withoutCode(text).replace(/`[^`\n]*`/g, '``');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}
