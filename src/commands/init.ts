// `phi-lint init`: write a commented .phi-lint.yaml with the practice's public profile.
// Asks on a terminal (flags give the defaults), or takes flags alone (--yes, or no
// terminal). Never overwrites an existing config: the file is created with a hard link
// from a complete temp file, which fails if the name already exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { Env } from '../io.js';
import { CONFIG_NAMES } from '../config/config.js';
import { PhiLintError } from '../errors.js';
import { fail, ok, repeatable, runSub, subProgram, type SubCommand } from './common.js';
import { detectReplyFolders, replyGlob, splitNames } from './init-profile.js';
import { unmatchedKindGlobs } from './init-check.js';

export interface Profile {
  name?: string;
  aliases: string[];
  fax: string[];
  /** kinds: reply globs (where review replies live). */
  replies: string[];
  phones: string[];
  emails: string[];
  addresses: string[];
  domains: string[];
  handles: string[];
  staff: string[];
}

type ListKey = Exclude<keyof Profile, 'name'>;

/** Each field: how to ask, how to split an answer into items, how to check and tidy an item. */
type Split = RegExp | ((s: string) => string[]) | null;
const FIELDS: { key: keyof Profile; question: string; split: Split; check: (s: string) => string }[] = [
  { key: 'name', question: 'Practice name', split: null, check: practiceName },
  {
    key: 'phones',
    question: 'Public phone number(s), comma-separated (the first goes into the reply template)',
    split: /[,;]/,
    check: phone,
  },
  { key: 'emails', question: 'Public e-mail address(es)', split: /[,;\s]+/, check: email },
  { key: 'addresses', question: 'Street address (one line)', split: /;/, check: (s) => s },
  { key: 'domains', question: 'Website domain(s)', split: /[,;\s]+/, check: domain },
  { key: 'handles', question: 'Social media handle(s)', split: /[,;\s]+/, check: handle },
  {
    key: 'staff',
    question: 'Staff named in posts, separated by commas (e.g. Dr. Anna Reyes, Keisha Brown, RDH)',
    split: splitNames,
    check: (s) => s,
  },
  { key: 'aliases', question: 'Other names the practice goes by (aliases)', split: /[,;]/, check: (s) => s },
  { key: 'fax', question: 'Fax number(s)', split: /[,;]/, check: phone },
  { key: 'replies', question: 'Folder(s) where review replies live', split: /[,;\s]+/, check: replyGlob },
];

function practiceName(s: string): string {
  if (!s.trim()) throw new PhiLintError('the practice name is needed (phi-lint never reports it as PHI)');
  return s.trim();
}

function phone(s: string): string {
  if ((s.match(/\d/g) ?? []).length < 7) throw new PhiLintError(`"${s}" is not a phone number`);
  return s;
}
function email(s: string): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) throw new PhiLintError(`"${s}" is not an e-mail address`);
  return s;
}
function domain(s: string): string {
  const d = s
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(d)) throw new PhiLintError(`"${s}" is not a domain (like example.com)`);
  return d;
}
function handle(s: string): string {
  const h = s.startsWith('@') ? s : `@${s}`;
  if (!/^@[\w.]{1,64}$/.test(h)) throw new PhiLintError(`"${s}" is not a social media handle`);
  return h;
}

const q = (s: string): string => JSON.stringify(s);
const list = (items: string[]): string => `[${items.map(q).join(', ')}]`;

/** The commented config text for a profile. */
export function configText(p: Profile): string {
  const line = (key: string, items: string[], example: string[], comment: string): string =>
    items.length
      ? `  ${key}: ${list(items)}${comment ? `   # ${comment}` : ''}`
      : `  # ${key}: ${list(example)}${comment ? `   # ${comment}` : ''}`;
  return [
    '# phi-lint configuration (written by `phi-lint init`). Every key is optional; see',
    "# phi-lint's docs/configuration.md. Check it with: phi-lint rules --coverage",
    '',
    '# Configs in sub-folders merge onto this one; none above this folder is read.',
    'root: true',
    '',
    "# The practice's own public details: phi-lint never reports them as PHI.",
    'practice:',
    p.name ? `  name: ${q(p.name)}` : '  # name: "Peachtree Family Dental"',
    line('aliases', p.aliases, ['Peachtree Dental'], 'other names the practice goes by'),
    line('staff', p.staff, ['Dr. Anna Reyes', 'Keisha Brown, RDH'], 'staff named in posts, with or without titles'),
    line('phones', p.phones, ['(404) 555-0100'], 'the first is the number --fix puts in the reply template'),
    line('fax', p.fax, ['(404) 555-0101'], ''),
    line('emails', p.emails, ['hello@example.com'], ''),
    line('addresses', p.addresses, ['1200 Peachtree St NE, Suite 300, Atlanta, GA 30309'], ''),
    line('domains', p.domains, ['example.com'], ''),
    line('handles', p.handles, ['@ExampleDental'], ''),
    '',
    '# Drafts under these folders are replies to reviews: reply-only rules run on them.',
    '# (A draft can also say `kind: reply` in its front matter, or use --kind reply.)',
    'kinds:',
    `  reply: ${list(p.replies.length ? p.replies : ['replies/**'])}`,
    '',
    '# Words, phrases and /patterns/ that are never PHI for this practice (sponsors, venues, teams).',
    '# allow: ["Peachtree Road Race", "Piedmont Park"]',
    '',
    '# Severity per rule or per category (error | warning | info | off); packs on or off.',
    '# rules: { phi/zip: warning }',
    '# categories: { geo: warning }',
    '# packs: { phi: true }',
    '',
    '# Inline suppressions need a reason: <!-- phi-lint-disable-next-line phi/phone -- why -->',
    '# directives: { require-reason: true, report-unused: warning }',
    '',
    '# Signed patient authorizations, cited by drafts as `consent: C-2025-014` in front matter:',
    '# consents.yaml beside this file, or name another file here.',
    '# consents: consents.yaml',
    '',
    '# What --fix does with a risky reply: the approved template (true), your own wording with',
    '# {phone}, or false to leave replies to the writer.',
    '# fix: { reply-template: true }',
    '',
    '# Drafts never linted, and which files a directory expands to.',
    '# ignore: ["drafts/archive/**"]',
    '# extensions: [".md", ".txt"]',
    '',
  ].join('\n');
}

const FLAG: Record<ListKey, string> = {
  phones: 'phone',
  emails: 'email',
  addresses: 'address',
  domains: 'domain',
  handles: 'handle',
  staff: 'staff',
  aliases: 'alias',
  fax: 'fax',
  replies: 'replies',
};

function collect(flags: Record<string, unknown>, cwd: string): Profile {
  const p: Profile = {
    name: flags.name as string | undefined,
    aliases: [],
    fax: [],
    replies: [],
    phones: [],
    emails: [],
    addresses: [],
    domains: [],
    handles: [],
    staff: [],
  };
  for (const f of FIELDS) {
    if (f.key === 'name') continue;
    const raw = (flags[FLAG[f.key as ListKey]] as string[] | undefined) ?? [];
    // --staff "Anna Reyes, Keisha Brown, RDH" is split as a typed answer is
    const items = f.key === 'staff' ? raw.flatMap(splitNames) : raw;
    p[f.key as ListKey] = items
      .map((s) => s.trim())
      .filter(Boolean)
      .map(f.check);
  }
  if (!p.replies.length) p.replies = detectReplyFolders(cwd);
  return p;
}

async function ask(env: Env, p: Profile): Promise<Profile> {
  const out: Profile = { ...p };
  for (const f of FIELDS) {
    const sep = f.key === 'addresses' || f.key === 'staff' ? '; ' : ', ';
    const current = f.key === 'name' ? (p.name ?? '') : (p[f.key as ListKey] as string[]).join(sep);
    for (let tries = 0; ; tries++) {
      const answer = (await env.prompt!(`${f.question}${current ? ` [${current}]` : ''}: `)).trim() || current;
      try {
        if (f.key === 'name') out.name = f.check(answer);
        else {
          const items = typeof f.split === 'function' ? f.split(answer) : f.split ? answer.split(f.split) : [answer];
          out[f.key as ListKey] = items
            .map((s) => s.trim())
            .filter(Boolean)
            .map(f.check);
        }
        break;
      } catch (e) {
        if (!(e instanceof PhiLintError) || tries >= 2) throw e;
        await env.prompt!(`  ${e.message}; press Enter to try again. `);
      }
    }
  }
  return out;
}

export const init: SubCommand = (args, env) => {
  const program = subProgram(
    'init',
    'Write a commented .phi-lint.yaml with the practice profile (never overwrites one).',
  )
    .option('--name <name>', 'practice name')
    .option(
      '--phone <number>',
      'public phone number (repeatable; the first goes into the reply template)',
      repeatable,
      [] as string[],
    )
    .option('--email <address>', 'public e-mail address (repeatable)', repeatable, [] as string[])
    .option('--address <address>', 'street address (repeatable)', repeatable, [] as string[])
    .option('--domain <domain>', 'website domain (repeatable)', repeatable, [] as string[])
    .option('--handle <handle>', 'social media handle (repeatable)', repeatable, [] as string[])
    .option(
      '--staff <names>',
      'staff named in posts (repeatable; commas separate names, ", RDH" stays)',
      repeatable,
      [] as string[],
    )
    .option('--alias <name>', 'another name the practice goes by (repeatable)', repeatable, [] as string[])
    .option('--fax <number>', 'fax number (repeatable)', repeatable, [] as string[])
    .option(
      '--replies <folder>',
      'folder or glob where review replies live (repeatable; default: detected)',
      repeatable,
      [] as string[],
    )
    .option('-y, --yes', 'do not ask; use the flags as given');
  return runSub(program, args, async () => {
    const o = program.opts();
    const existing = CONFIG_NAMES.map((n) => join(env.cwd, n)).find((f) => existsSync(f));
    if (existing)
      return fail(
        `${existing} already exists; phi-lint init never overwrites a config (edit it, or delete it and run init again)`,
      );
    let profile = collect(o, env.cwd);
    if (!o.yes && env.stdinIsTTY && env.prompt) profile = await ask(env, profile);
    else if (!profile.name?.trim()) return fail('init needs the practice name: --name "Peachtree Family Dental"');
    const file = join(env.cwd, CONFIG_NAMES[0]);
    try {
      writeFileAtomic(file, configText(profile), { exclusive: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        return fail(`${file} already exists; phi-lint init never overwrites a config`);
      return fail(`cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const next = '`phi-lint .` lints your drafts; `phi-lint rules --coverage` shows what is checked';
    const done = ok(`Wrote ${CONFIG_NAMES[0]}. Next: ${next}.\n`);
    const reply = profile.replies.length ? profile.replies : ['replies/**'];
    const unmatched = await unmatchedKindGlobs(env.cwd, { reply, post: [] });
    for (const g of unmatched) done.stderr += `phi-lint: warning: ${g.message}\n`;
    return done;
  });
};
