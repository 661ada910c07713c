// A small, strict XML 1.0 well-formedness check (no DTDs), for testing the junit format:
// common parsers accept a bare "&" in an attribute or a control character, which real
// JUnit readers may reject, so this checks the lexical rules too. Returns the problems.
const ALLOWED_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/;

function checkCharData(s: string, where: number, problems: string[]): void {
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
    if (!REFERENCE.test(s.slice(i))) problems.push(`bare "&" at ${where + i}`);
  }
}

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!ALLOWED_CHARS.test(xml)) problems.push('a character XML 1.0 does not allow');
  let i = 0;
  const decl = /^<\?xml\s[^?]*\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: string[] = [];
  let roots = 0;
  while (i < xml.length && problems.length < 10) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (!stack.length && text.trim()) problems.push(`text outside the root element at ${i}`);
    if (text.includes(']]>')) problems.push(`"]]>" in text at ${i}`);
    checkCharData(text, i, problems);
    if (lt < 0) break;
    const rest = xml.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) problems.push(`unclosed comment at ${lt}`);
      i = end < 0 ? xml.length : end + 3;
    } else if (rest.startsWith('<![CDATA[')) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0 || !stack.length) problems.push(`bad CDATA section at ${lt}`);
      i = end < 0 ? xml.length : end + 3;
    } else if (rest.startsWith('<?')) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) problems.push(`unclosed processing instruction at ${lt}`);
      i = end < 0 ? xml.length : end + 2;
    } else if (rest.startsWith('</')) {
      const m = /^<\/([A-Za-z_:][-A-Za-z0-9_:.]*)\s*>/.exec(rest);
      const open = stack.pop();
      if (!m || m[1] !== open) problems.push(`closing tag does not match <${open ?? ''}> at ${lt}`);
      i = lt + (m ? m[0].length : 2);
    } else {
      const name = NAME.exec(rest.slice(1));
      if (!name) {
        problems.push(`bad "<" at ${lt}`);
        i = lt + 1;
        continue;
      }
      if (!stack.length) roots++;
      let j = lt + 1 + name[0].length;
      const seen = new Set<string>();
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(j))![0].length;
        j += ws;
        if (xml.startsWith('/>', j)) {
          j += 2;
          break;
        }
        if (xml[j] === '>') {
          stack.push(name[0]);
          j += 1;
          break;
        }
        const attr = /^([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(["'])/.exec(xml.slice(j));
        if (!ws || !attr) {
          problems.push(`bad attribute in <${name[0]}> at ${j}`);
          j = xml.length;
          break;
        }
        if (seen.has(attr[1]!)) problems.push(`duplicate attribute ${attr[1]} at ${j}`);
        seen.add(attr[1]!);
        const start = j + attr[0].length;
        const end = xml.indexOf(attr[2]!, start);
        if (end < 0) {
          problems.push(`unclosed attribute value at ${start}`);
          j = xml.length;
          break;
        }
        const value = xml.slice(start, end);
        if (value.includes('<')) problems.push(`"<" in an attribute value at ${start}`);
        checkCharData(value, start, problems);
        j = end + 1;
      }
      i = j;
    }
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
