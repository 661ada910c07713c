// Plain-text layout helpers for subcommand output.

/** Wrap prose to `width` columns, each line indented. */
export function wrap(text: string, indent = '  ', width = 88): string {
  const out: string[] = [];
  for (const para of text.trim().split(/\n{2,}/)) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(indent + line);
  }
  return out.join('\n');
}

/** Left-aligned columns. */
export function table(rows: string[][], gap = 2): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + gap)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}
