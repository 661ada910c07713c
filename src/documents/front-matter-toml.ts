// TOML front matter (Hugo's `+++` fences): the subset sites write, read without a TOML
// library: `key = value` lines, [tables] and [[arrays of tables]], basic and literal strings
// (one line or three quotes), arrays and inline tables (over several lines too), numbers,
// dates and booleans, # comments. Every string and bare value is a span of the source, so
// findings point into the front matter itself; top-level keys phi-lint reads (kind, consent,
// in-reply-to) are returned as data.

export interface TomlValue {
  start: number;
  end: number;
  /** The text when it differs from the source (escapes). */
  text?: string;
  /** The top-level key (or table) it sits under. */
  top: string;
}

export interface TomlResult {
  data: Record<string, unknown>;
  values: TomlValue[];
  /** Offset (in the body) and what is wrong, when the body is not TOML this reader understands. */
  error?: { at: number; why: string };
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

class TomlError extends Error {
  constructor(
    readonly at: number,
    why: string,
  ) {
    super(why);
  }
}

/** Parse `body`; offsets in the result are `base` + offsets in body. */
export function parseTomlFrontMatter(body: string, base: number): TomlResult {
  const data: Record<string, unknown> = {};
  const values: TomlValue[] = [];
  let i = 0;
  let table = '';
  const n = body.length;
  const skipSpace = (): void => {
    while (i < n && (body[i] === ' ' || body[i] === '\t')) i++;
  };
  const skipBlank = (): void => {
    for (;;) {
      while (i < n && /[ \t\r\n]/.test(body[i])) i++;
      if (body[i] === '#') while (i < n && body[i] !== '\n' && body[i] !== '\r') i++;
      else return;
    }
  };
  const endOfLine = (): void => {
    skipSpace();
    if (body[i] === '#') while (i < n && body[i] !== '\n' && body[i] !== '\r') i++;
    if (i < n && body[i] !== '\n' && body[i] !== '\r') throw new TomlError(i, 'unexpected text after a value');
  };
  const key = (): string => {
    const parts: string[] = [];
    for (;;) {
      skipSpace();
      if (body[i] === '"' || body[i] === "'") parts.push(str(false).value);
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(body.slice(i, i + 256));
        if (!m) throw new TomlError(i, 'a key was expected');
        parts.push(m[0]);
        i += m[0].length;
      }
      skipSpace();
      if (body[i] !== '.') return parts.join('.');
      i++;
    }
  };
  /** A string at i; pushes its span when `record`. */
  const str = (record: boolean, top = ''): { value: string } => {
    const q = body[i];
    const triple = body.startsWith(q.repeat(3), i);
    const open = triple ? 3 : 1;
    let j = i + open;
    if (triple && body[j] === '\r') j++;
    if (triple && body[j] === '\n') j++;
    const start = j;
    let out = '';
    for (;;) {
      if (j >= n) throw new TomlError(i, 'a string is not closed');
      const c = body[j];
      if (!triple && (c === '\n' || c === '\r')) throw new TomlError(i, 'a string is not closed');
      if (body.startsWith(q.repeat(open), j)) break;
      if (q === '"' && c === '\\') {
        const e = body[j + 1];
        if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          const hex = body.slice(j + 2, j + 2 + len);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) throw new TomlError(j, 'a bad \\u escape');
          out += String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
          j += 2 + len;
          continue;
        }
        if (triple && (e === '\n' || e === '\r' || e === ' ')) {
          j++;
          while (j < n && /[ \t\r\n]/.test(body[j])) j++;
          continue;
        }
        if (!(e in ESCAPES)) throw new TomlError(j, 'a bad escape');
        out += ESCAPES[e];
        j += 2;
        continue;
      }
      out += c;
      j++;
    }
    const end = j;
    i = j + open;
    if (record && out.trim()) {
      const text = out === body.slice(start, end) ? {} : { text: out };
      values.push({ start: base + start, end: base + end, top, ...text });
    }
    return { value: out };
  };
  const value = (top: string, depth: number): unknown => {
    if (depth > 64) throw new TomlError(i, 'nested too deeply');
    const c = body[i];
    if (c === '"' || c === "'") return str(true, top).value;
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      for (;;) {
        skipBlank();
        if (body[i] === ']') {
          i++;
          return arr;
        }
        arr.push(value(top, depth + 1));
        skipBlank();
        if (body[i] === ',') i++;
        else if (body[i] !== ']') throw new TomlError(i, 'an array is not closed');
      }
    }
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skipSpace();
      if (body[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        const k = key();
        skipSpace();
        if (body[i] !== '=') throw new TomlError(i, '"=" was expected');
        i++;
        skipSpace();
        obj[k] = value(top, depth + 1);
        skipSpace();
        if (body[i] === ',') {
          i++;
          skipSpace();
          continue;
        }
        if (body[i] === '}') {
          i++;
          return obj;
        }
        throw new TomlError(i, 'an inline table is not closed');
      }
    }
    // a bare value: number, date, time, boolean
    const m = /^[^\s,\]}#]+(?: [0-9][0-9:.+\-Z]*)?/.exec(body.slice(i, i + 256));
    if (!m) throw new TomlError(i, 'a value was expected');
    const start = i;
    i += m[0].length;
    const raw = m[0];
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (!/^[0-9+\-.:TZ_a-fA-Fxob ]+$|^[+-]?(?:inf|nan)$/.test(raw)) throw new TomlError(start, 'a value was expected');
    values.push({ start: base + start, end: base + i, top });
    return raw;
  };
  try {
    for (;;) {
      skipBlank();
      if (i >= n) break;
      if (body[i] === '[') {
        const arrayTable = body[i + 1] === '[';
        i += arrayTable ? 2 : 1;
        const name = key();
        if (!body.startsWith(arrayTable ? ']]' : ']', i)) throw new TomlError(i, 'a table header is not closed');
        i += arrayTable ? 2 : 1;
        endOfLine();
        table = name.split('.')[0];
        continue;
      }
      const k = key();
      if (body[i] !== '=') throw new TomlError(i, '"=" was expected');
      i++;
      skipSpace();
      const top = table || k.split('.')[0];
      const v = value(top, 0);
      if (!table && !k.includes('.') && BARE_KEY.test(k)) data[k] = v;
      endOfLine();
    }
  } catch (e) {
    if (e instanceof TomlError) return { data: {}, values: [], error: { at: e.at, why: e.message } };
    throw e;
  }
  return { data, values };
}
