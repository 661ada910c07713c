// HTML inside Markdown (blocks and inline tags): which parts a reader or the page's source
// shows. Text between tags is read as prose; so are attribute values that carry words or
// addresses (alt, title, href, src, aria-label…) and comments (they ship in the page
// source), except phi-lint's own directive comments. `<img>` tags are images.

export interface HtmlAttribute {
  name: string;
  /** Offsets of the value (without quotes) in the scanned string. */
  start: number;
  end: number;
  value: string;
}

export interface HtmlTag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
  attributes: HtmlAttribute[];
}

export interface HtmlComment {
  start: number;
  end: number;
  /** Without `<!--` and `-->`. */
  body: string;
  /** Where the body starts in the scanned string. */
  bodyStart: number;
}

/** Attributes that only style or lay out an element: never words a reader or the page source shows about anyone. */
const PRESENTATIONAL = new Set([
  'style',
  'class',
  'width',
  'height',
  'type',
  'rel',
  'target',
  'loading',
  'decoding',
  'lang',
  'dir',
  'role',
  'align',
  'border',
  'colspan',
  'rowspan',
  'scope',
  'xmlns',
  'viewbox',
  'fill',
  'stroke',
  'tabindex',
  'crossorigin',
  'referrerpolicy',
  'sizes',
  'media',
  'charset',
  'http-equiv',
  'async',
  'defer',
  'hidden',
  'controls',
  'autoplay',
  'muted',
  'loop',
  'frameborder',
  'allow',
  'allowfullscreen',
  'sandbox',
  'valign',
  'cellpadding',
  'cellspacing',
  'start',
  'reversed',
  'span',
]);

/** Does an attribute's value carry text worth linting? */
export function isTextAttribute(name: string): boolean {
  const n = name.toLowerCase();
  return !PRESENTATIONAL.has(n) && !n.startsWith('on');
}

/** Is this comment a phi-lint directive (an instruction to the linter, not content)? */
export function isDirectiveComment(body: string): boolean {
  return /^\s*phi-lint-/.test(body);
}

// `[^<>]` (not `[^>]`): a tag never holds "<", and a long line of "<a<a<a…" must not scan to
// the end of the block from every "<". Attribute values may hold ">" inside quotes.
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^<>"']|"[^"]*"|'[^']*')*)(\/?)>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function scanHtml(raw: string): { tags: HtmlTag[]; comments: HtmlComment[] } {
  const tags: HtmlTag[] = [];
  const comments: HtmlComment[] = [];
  TAG_OR_COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_OR_COMMENT.exec(raw))) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].startsWith('<!--')) {
      const closed = m[0].endsWith('-->') && m[0].length >= 7;
      comments.push({ start, end, body: m[0].slice(4, closed ? -3 : undefined), bodyStart: start + 4 });
      continue;
    }
    const attrsText = m[3];
    const attrsAt = start + 1 + m[1].length + m[2].length;
    const attributes: HtmlAttribute[] = [];
    ATTRIBUTE.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTRIBUTE.exec(attrsText))) {
      const value = a[2] ?? a[3] ?? a[4];
      if (value === undefined) continue;
      const quoted = a[2] !== undefined || a[3] !== undefined;
      const valueEnd = attrsAt + a.index + a[0].length - (quoted ? 1 : 0);
      attributes.push({ name: a[1], start: valueEnd - value.length, end: valueEnd, value });
    }
    tags.push({ start, end, name: m[2].toLowerCase(), closing: m[1] === '/', attributes });
  }
  return { tags, comments };
}
