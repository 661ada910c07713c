// What `phi-lint init` needs besides asking: splitting a typed staff list (commas or
// semicolons, a title such as ", RDH" staying with its name), finding where a content
// repository keeps its review replies, and checking that kinds: globs match something.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Credentials and suffixes written after a name with a comma ("Keisha Brown, RDH",
 * "Anna Reyes, DDS, MS"): they belong to the name before them.
 */
const TITLES = new Set(
  (
    'RDH RDA CDA EFDA DDS DMD MD DO RN LPN LVN NP FNP FNP-C APRN DNP PA PA-C CNA CMA MA MS MSc MSN BSN BS BA PhD ' +
    'PharmD RPh DC DPM OD PT DPT OT OTR OTR/L SLP CCC-SLP LCSW LMFT LPC LMHC PsyD MSW LMT RD LD CRNA FAGD MAGD FACS ' +
    'Jr Jr. Sr Sr. II III IV Esq Esq.'
  )
    .split(' ')
    .map((t) => t.toLowerCase()),
);

const isTitle = (s: string): boolean => {
  const t = s.trim().toLowerCase();
  return TITLES.has(t) || TITLES.has(t.replace(/\.$/, ''));
};

/**
 * "Dr. Anna Reyes, Keisha Brown, RDH; Marcus Ellery" → ["Dr. Anna Reyes", "Keisha Brown, RDH",
 * "Marcus Ellery"]: commas and semicolons both separate names; a credential after a comma
 * stays with the name it follows.
 */
export function splitNames(answer: string): string[] {
  const out: string[] = [];
  for (const part of answer.split(/[;,]/)) {
    const item = part.trim();
    if (!item) continue;
    if (out.length && isTitle(item)) out[out.length - 1] += `, ${item}`;
    else out.push(item);
  }
  return out;
}

/** Folders where content repositories commonly keep review replies (Hugo, Astro, Jekyll, plain). */
export const REPLY_FOLDERS = [
  'replies',
  'reviews',
  'review-replies',
  'responses',
  'content/replies',
  'content/reviews',
  'content/review-replies',
  'src/content/replies',
  'src/content/reviews',
  'drafts/replies',
  'drafts/reviews',
  'posts/replies',
  '_replies',
  '_reviews',
];

/** The reply folders that exist under `dir`, as kinds: globs ("content/replies/**"). */
export function detectReplyFolders(dir: string): string[] {
  return REPLY_FOLDERS.filter((f) => {
    const p = join(dir, f);
    return existsSync(p) && statSync(p).isDirectory();
  }).map((f) => `${f}/**`);
}

/** A folder or glob as typed ("content/replies", "./replies/", "replies/**") → a kinds: glob. */
export function replyGlob(answer: string): string {
  const g = answer.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  return /[*?[{]/.test(g) ? g : `${g}/**`;
}
