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

export interface Profile {
  name?: string;
  phones: string[];
  emails: string[];
  addresses: string[];
  domains: string[];
  handles: string[];
  staff: string[];
}

type ListKey = Exclude<keyof Profile, 'name'>;

/** Each field: how to ask, how to split an answer into items, how to check and tidy an item. */
const FIELDS: { key: keyof Profile; question: string; split: RegExp | null; check: (s: string) => string }[] = [
  { key: 'name', question: 'Practice name', split: null, check: (s) => s },
  { key: 'phones', question: 'Public phone number(s), comma-separated (the first goes into the reply template)', split: /[,;]/, check: phone },
  { key: 'emails', question: 'Public e-mail address(es)', split: /[,;\s]+/, check: email },
  { key: 'addresses', question: 'Street address (one line)', split: /;/, check: (s) => s },
  { key: 'domains', question: 'Website domain(s)', split: /[,;\s]+/, check: domain },
  { key: 'handles', question: 'Social media handle(s)', split: /[,;\s]+/, check: handle },
  { key: 'staff', question: 'Staff named in posts, separated by ";" (e.g. Dr. Anna Reyes; Keisha Brown, RDH)', split: /;/, check: (s) => s },
];

function phone(s: string): string {
  if ((s.match(/\d/g) ?? []).length < 7) throw new PhiLintError(`"${s}" is not a phone number`);
  return s;
}
function email(s: string): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) throw new PhiLintError(`"${s}" is not an e-mail address`);
  return s;
}
function domain(s: string): string {
  const d = s.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '');
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
    items.length ? `  ${key}: ${list(items)}${comment ? `   # ${comment}` : ''}` : `  # ${key}: ${list(example)}${comment ? `   # ${comment}` : ''}`;
  return [
    '# phi-lint configuration (written by `phi-lint init`). Every key is optional; see the README,',
    '# "Configuration". Check it with: phi-lint rules --coverage',
    '',
    "# The practice's own public details: phi-lint never reports them as PHI.",
    'practice:',
    p.name ? `  name: ${q(p.name)}` : '  # name: "Peachtree Family Dental"',
    '  # aliases: ["Peachtree Dental"]   # other names the practice goes by',
    line('staff', p.staff, ['Dr. Anna Reyes', 'Keisha Brown, RDH'], 'staff named in posts, with or without titles'),
    line('phones', p.phones, ['(404) 555-0100'], 'the first is the number --fix puts in the reply template'),
    '  # fax: ["(404) 555-0101"]',
    line('emails', p.emails, ['hello@example.com'], ''),
    line('addresses', p.addresses, ['1200 Peachtree St NE, Suite 300, Atlanta, GA 30309'], ''),
    line('domains', p.domains, ['example.com'], ''),
    line('handles', p.handles, ['@ExampleDental'], ''),
    '',
    '# Drafts under these folders are replies to reviews: reply-only rules run on them.',
    '# (A draft can also say `kind: reply` in its front matter, or use --kind reply.)',
    'kinds:',
    '  reply: ["replies/**"]',
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

const FLAG: Record<ListKey, string> = { phones: 'phone', emails: 'email', addresses: 'address', domains: 'domain', handles: 'handle', staff: 'staff' };

function collect(flags: Record<string, unknown>): Profile {
  const p: Profile = { name: flags.name as string | undefined, phones: [], emails: [], addresses: [], domains: [], handles: [], staff: [] };
  for (const f of FIELDS) {
    if (f.key === 'name') continue;
    const raw = (flags[FLAG[f.key as ListKey]] as string[] | undefined) ?? [];
    p[f.key as ListKey] = raw.map((s) => s.trim()).filter(Boolean).map(f.check);
  }
  return p;
}

async function ask(env: Env, p: Profile): Promise<Profile> {
  const out: Profile = { ...p };
  for (const f of FIELDS) {
    const current = f.key === 'name' ? p.name ?? '' : (p[f.key as ListKey] as string[]).join(f.key === 'staff' || f.key === 'addresses' ? '; ' : ', ');
    for (let tries = 0; ; tries++) {
      const answer = (await env.prompt!(`${f.question}${current ? ` [${current}]` : ''}: `)).trim() || current;
      try {
        if (f.key === 'name') out.name = answer || undefined;
        else out[f.key as ListKey] = (f.split ? answer.split(f.split) : [answer]).map((s) => s.trim()).filter(Boolean).map(f.check);
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
  const program = subProgram('init', 'Write a commented .phi-lint.yaml with the practice profile (never overwrites one).')
    .option('--name <name>', 'practice name')
    .option('--phone <number>', 'public phone number (repeatable; the first goes into the reply template)', repeatable, [] as string[])
    .option('--email <address>', 'public e-mail address (repeatable)', repeatable, [] as string[])
    .option('--address <address>', 'street address (repeatable)', repeatable, [] as string[])
    .option('--domain <domain>', 'website domain (repeatable)', repeatable, [] as string[])
    .option('--handle <handle>', 'social media handle (repeatable)', repeatable, [] as string[])
    .option('--staff <name>', 'staff member named in posts (repeatable)', repeatable, [] as string[])
    .option('-y, --yes', 'do not ask; use the flags as given');
  return runSub(program, args, async () => {
    const o = program.opts();
    const existing = CONFIG_NAMES.map((n) => join(env.cwd, n)).find((f) => existsSync(f));
    if (existing) return fail(`${existing} already exists; phi-lint init never overwrites a config (edit it, or delete it and run init again)`);
    let profile = collect(o);
    if (!o.yes && env.stdinIsTTY && env.prompt) profile = await ask(env, profile);
    const file = join(env.cwd, CONFIG_NAMES[0]);
    try {
      writeFileAtomic(file, configText(profile), { exclusive: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fail(`${file} already exists; phi-lint init never overwrites a config`);
      return fail(`cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return ok(`Wrote ${CONFIG_NAMES[0]}. Next: \`phi-lint .\` lints your drafts; \`phi-lint rules --coverage\` shows what is checked.\n`);
  });
};
