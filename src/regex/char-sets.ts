// The characters a regex can consume first, and all it can consume, as atom sources (see
// prefilter.ts): the scan plans turn them into ASCII tables (regex/plans.ts).

/**
 * The atoms that can consume a match's first character, and all the atoms a match can
 * consume, as sources that compile on their own (with the regex's flags); undefined for a
 * regex with back-references or one whose matches can be empty.
 */
export function charSets(source: string): { first: string[]; consumed: string[] } | undefined {
  let i = 0;
  let look = 0;
  const consumed = new Set<string>();
  type Item = { first: Set<string>; nullable: boolean };
  const unit = (atom: string): Item => {
    if (look === 0) consumed.add(atom);
    return { first: new Set([atom]), nullable: false };
  };
  const empty = (): Item => ({ first: new Set(), nullable: true });
  const alt = (): Item => {
    const out = seq();
    while (source[i] === '|') {
      i++;
      const b = seq();
      for (const f of b.first) out.first.add(f);
      out.nullable ||= b.nullable;
    }
    return out;
  };
  const seq = (): Item => {
    const out = empty();
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const item = quant(atom());
      if (out.nullable) for (const f of item.first) out.first.add(f);
      out.nullable &&= item.nullable;
    }
    return out;
  };
  const quant = (item: Item): Item => {
    const c = source[i];
    let min = 1;
    if (c === '*' || c === '?') (i++, (min = 0));
    else if (c === '+') i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i, i + 24));
      if (!m) return item;
      i += m[0].length;
      min = Number(m[1]);
    } else return item;
    if (source[i] === '?') i++;
    return min === 0 ? { first: item.first, nullable: true } : item;
  };
  const atom = (): Item => {
    const start = i;
    const c = source[i++];
    if (c === '(') {
      let isLook = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (/^\?<?[=!]/.test(source.slice(i, i + 3))) {
        i += source[i + 1] === '<' ? 3 : 2;
        isLook = true;
      } else if (source.startsWith('?<', i)) i = source.indexOf('>', i) + 1;
      if (isLook) look++;
      const inner = alt();
      if (isLook) look--;
      if (source[i++] !== ')') throw new Error('unclosed group');
      return isLook ? empty() : inner;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      return unit(source.slice(start, i));
    }
    if (c === '\\') {
      const e = source[i++];
      if (e === 'b' || e === 'B') return empty();
      if (e === 'k' || /[1-9]/.test(e)) throw new Error('back-reference');
      if ((e === 'p' || e === 'P') && source[i] === '{') i = source.indexOf('}', i) + 1;
      else if (e === 'u') i += source[i] === '{' ? source.indexOf('}', i) + 1 - i : 4;
      else if (e === 'x') i += 2;
      else if (e === 'c') i++;
      return unit(source.slice(start, i));
    }
    if (c === '^' || c === '$') return empty();
    if (c === ')' || c === '|' || c === undefined) throw new Error('unexpected');
    // a character: both halves of an astral one
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i < source.length) i++;
    return unit(source.slice(start, i));
  };
  try {
    const top = alt();
    if (i !== source.length || top.nullable) return undefined;
    return { first: [...top.first], consumed: [...consumed] };
  } catch {
    return undefined;
  }
}
