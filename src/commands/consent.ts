// `phi-lint consent`: the consent register. `list` shows each authorization, what it covers,
// when it expires and which drafts cite it; `expiring [--within 30d]` those that lapse soon
// (exit 1 when a draft cites one); `where ID` the drafts that cite one; `add` records a
// signed authorization in the ledger without editing YAML by hand.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isMap, isSeq, parseDocument as parseYaml } from 'yaml';
import { addPeriod, isCalendarDate, periodOf, today as localToday } from '../consent/dates.js';
import { citedConsents, daysBetween } from '../consent/filter.js';
import { LEDGER_NAME, ledgerPath, parseLedger, type ConsentEntry } from '../consent/ledger.js';
import { formatOf, decode, parseDocument } from '../documents/load.js';
import { PhiLintError } from '../errors.js';
import { expandTargets } from '../files.js';
import { writeFileAtomic } from '../atomic-write.js';
import { CATEGORIES } from '../types.js';
import { nearest } from '../yaml-source.js';
import { fail, ok, repeatable, runSub, setupFor, subProgram, type SubCommand } from './common.js';
import { table } from './text.js';

type Cited = Map<string, string[]>;

export interface RegisterRow {
  id: string;
  covers: string[];
  signed: string;
  expires: string;
  status: 'valid' | 'expiring' | 'expired' | 'not yet signed';
  daysLeft: number;
  citedBy: string[];
  note?: string;
}

function statusOf(c: ConsentEntry, today: string, warnDays: number): Pick<RegisterRow, 'status' | 'daysLeft'> {
  const daysLeft = daysBetween(today, c.expires);
  if (daysLeft < 0) return { status: 'expired', daysLeft };
  if (c.signed > today) return { status: 'not yet signed', daysLeft };
  return { status: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft };
}

/** Which drafts under `paths` cite each consent id (front matter `consent:`). */
async function citations(paths: string[], cwd: string, extensions: string[], dir: string): Promise<Cited> {
  const out = new Map<string, string[]>();
  const targets = await expandTargets(paths, { cwd, extensions, ignore: [], ignoreBase: dir });
  for (const t of targets) {
    if (t.error || formatOf(t.path) !== 'md') continue;
    let ids: string[];
    try {
      ids = citedConsents(parseDocument(t.path, decode(readFileSync(t.path)), 'post', 'md').frontMatter);
    } catch {
      continue; // an unreadable draft is the lint run's to report
    }
    const rel = relative(cwd, t.path).split('\\').join('/');
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), rel]);
  }
  return out;
}

function statusText(r: RegisterRow): string {
  if (r.status === 'expired') return `expired ${-r.daysLeft} day${r.daysLeft === -1 ? '' : 's'} ago`;
  if (r.status === 'not yet signed') return 'not yet signed';
  const left = r.daysLeft === 0 ? 'expires today' : `expires in ${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'}`;
  return r.status === 'expiring' ? `${left} (renew)` : left;
}

function render(rows: RegisterRow[], header: string): string {
  const cited = (r: RegisterRow): string => r.citedBy.join(', ') || '-';
  const body = rows.map((r) => [r.id, r.covers.join(', '), r.signed, r.expires, statusText(r), cited(r)]);
  return `${header}\n\n${table([['id', 'covers', 'signed', 'expires', 'status', 'cited by'], ...body])}\n`;
}

interface Added {
  text: string;
  warnings: string[];
}

/** `consent add`: the ledger's text with one more entry (comments and layout kept), validated. */
export function addEntry(file: string, text: string, e: ConsentEntry, maxValidity?: string): Added {
  const doc = parseYaml(text || 'consents: []\n');
  let list = doc.get('consents', true);
  if (!isSeq(list)) {
    doc.set('consents', doc.createNode([]));
    list = doc.get('consents', true);
  }
  if (isSeq(list) && list.flow && list.items.length === 0) list.flow = false;
  const note = e.note ? { note: e.note } : {};
  const node = doc.createNode({ id: e.id, covers: e.covers, signed: e.signed, expires: e.expires, ...note });
  if (isMap(node)) {
    const covers = node.get('covers', true);
    if (isSeq(covers)) covers.flow = true;
  }
  (list as { add(n: unknown): void }).add(node);
  const out = doc.toString({ lineWidth: 0 });
  const ledger = parseLedger(file, out, { maxValidity }); // throws on a duplicate id, bad date or category
  return { text: out, warnings: ledger.warnings ?? [] };
}

const NO_LEDGER =
  `there is no consent ledger (${LEDGER_NAME} beside .phi-lint.yaml, or the file the config's "consents:" names); ` +
  '`phi-lint consent add` starts one';

export const consent: SubCommand = (args, env) => {
  const program = subProgram('consent', 'The consent register: list, expiring, where, add.')
    .argument('<action>', 'list, expiring, where or add')
    .argument('[args...]', 'where: the consent id; list/expiring: drafts or folders to search (default: .)')
    .option('--within <period>', 'expiring: lapsing within this period (30d, 2m, 1y; default 30d)')
    .option('--json', 'list/expiring/where: print JSON')
    .option('--id <id>', 'add: the authorization id (e.g. C-2025-020)')
    .option('--covers <categories>', 'add: the categories it covers, comma-separated (name,photo,health-detail)')
    .option('--signed <date>', 'add: the day it was signed (YYYY-MM-DD)')
    .option('--expires <date>', 'add: the last day it is valid (YYYY-MM-DD)')
    .option('--note <text>', 'add: a note (no PHI: the signed form stays in the records system)')
    .option('-c, --config <file>', 'use this config')
    .option('--rules <dir>', 'extra rule pack directory or file (repeatable)', repeatable, [] as string[]);
  return runSub(program, args, async () => {
    const [action, ...rest] = program.args as [string, ...string[]];
    const o = program.opts();
    const setup = setupFor(env, o);
    const today = localToday(env.env);
    if (action === 'add') return add(o, setup.config, env.cwd, today);
    if (!['list', 'expiring', 'where'].includes(action)) {
      return fail(`unknown consent action "${action}" (use list, expiring, where or add)`);
    }
    const ledger = setup.ledger;
    if (!ledger) return fail(NO_LEDGER);
    const within = o.within ?? '30d';
    const warnDays = daysBetween(today, addPeriod(today, periodOf(/^\d+$/.test(within) ? `${within}d` : within)));
    const paths = action === 'where' ? rest.slice(1) : rest;
    const cited = await citations(paths.length ? paths : ['.'], env.cwd, setup.config.extensions, setup.config.dir);
    let rows: RegisterRow[] = [...ledger.entries.values()].map((c) => ({
      id: c.id,
      covers: c.covers,
      signed: c.signed,
      expires: c.expires,
      ...statusOf(c, today, warnDays),
      citedBy: cited.get(c.id) ?? [],
      ...(c.note ? { note: c.note } : {}),
    }));
    const name = relative(env.cwd, ledger.file) || ledger.file;
    if (action === 'where') {
      const id = rest[0];
      if (!id) return fail('consent where: name the consent id (phi-lint consent where C-2025-014)');
      const row = rows.find((r) => r.id === id);
      const drafts = row?.citedBy ?? cited.get(id) ?? [];
      if (o.json) return ok(`${JSON.stringify({ id, inLedger: !!row, citedBy: drafts }, null, 2)}\n`);
      const near = row ? undefined : nearest(id, [...ledger.entries.keys()]);
      const mean = near ? ` (did you mean ${near}?)` : '';
      const head = row ? `${id} (${statusText(row)})` : `${id} is not in ${name}${mean}`;
      return ok(`${head}: cited by ${drafts.length ? drafts.join(', ') : 'no draft'}\n`);
    }
    if (action === 'expiring') rows = rows.filter((r) => r.status === 'expiring' || r.status === 'expired');
    if (o.json) return ok(`${JSON.stringify({ ledger: name, today, consents: rows }, null, 2)}\n`);
    const header =
      action === 'list'
        ? `Consent ledger ${name} as of ${today}: ${rows.length} authorization${rows.length === 1 ? '' : 's'}`
        : `Consents in ${name} expired or expiring within ${within} of ${today}: ${rows.length}`;
    // a draft that cites an expired or expiring consent needs action: exit 1, like a finding
    const urgent = action === 'expiring' && rows.some((r) => r.citedBy.length);
    return ok(render(rows, header), urgent ? 1 : 0);
  });
};

function add(
  o: { id?: string; covers?: string; signed?: string; expires?: string; note?: string },
  config: Parameters<typeof ledgerPath>[0] & { consent: { maxValidity: string } },
  cwd: string,
  today: string,
): ReturnType<typeof ok> {
  const missing = (['id', 'covers', 'signed', 'expires'] as const).filter((k) => !o[k]);
  if (missing.length) return fail(`consent add needs ${missing.map((k) => `--${k}`).join(', ')}`);
  const covers = o.covers!.split(/[,\s]+/).filter(Boolean);
  const unknown = covers.find((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (unknown) {
    const near = nearest(unknown, [...CATEGORIES]);
    const mean = near ? ` (did you mean "${near}"?)` : '';
    return fail(`--covers: "${unknown}" is not a category${mean}; categories: ${CATEGORIES.join(', ')}`);
  }
  for (const k of ['signed', 'expires'] as const) {
    if (!isCalendarDate(o[k]!)) return fail(`--${k} "${o[k]}" is not a calendar date (YYYY-MM-DD)`);
  }
  const file = ledgerPath(config) ?? join(config.file ? config.dir : cwd, LEDGER_NAME);
  const shown = relative(cwd, resolve(cwd, file)) || file;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new PhiLintError(`cannot read the consent ledger (${code})`, shown);
  }
  const note = o.note ? { note: o.note } : {};
  const categories = covers as ConsentEntry['covers'];
  const entry = { id: o.id!, covers: categories, signed: o.signed!, expires: o.expires!, ...note };
  const out = addEntry(shown, text, entry, config.consent.maxValidity);
  writeFileAtomic(file, out.text);
  const soon = o.expires! < today ? ' It has already expired.' : '';
  const warnings = out.warnings.map((w) => `phi-lint: warning: ${w}\n`).join('');
  const what = `covers ${covers.join(', ')}; valid ${o.signed} to ${o.expires}`;
  const stdout = `Recorded consent ${o.id} in ${shown} (${what}).${soon}\n`;
  return { exitCode: 0, stdout, stderr: warnings };
}
