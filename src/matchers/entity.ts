// NLP entities via compromise — the one place it is imported. Loaded lazily and run only on
// the sentences a cheap prefilter lets through, never on whole documents.
import { createRequire } from 'node:module';
import type { Span } from '../documents/document.js';

type Nlp = typeof import('compromise').default;
let nlpLoaded: Nlp | undefined;

/**
 * compromise, from its single-file CommonJS build: its ES module entry is ~450 source files
 * and takes about twice as long to load (the costliest part of a cold start with a name).
 */
export async function loadNlp(): Promise<Nlp> {
  nlpLoaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return nlpLoaded;
}

export type EntityKind = 'person' | 'place' | 'date' | 'value' | 'organization';

const PREFILTER: Record<EntityKind, RegExp> = {
  person: /(?:^|[^\p{L}])\p{Lu}\p{Ll}+/u,
  place: /(?:^|[^\p{L}])\p{Lu}\p{Ll}+/u,
  organization: /(?:^|[^\p{L}])\p{Lu}/u,
  date: /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|week|month)/i,
  value: /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b/i,
};

/** Entity spans (absolute offsets) in the given sentences of `prose`. */
export function findEntities(nlp: Nlp, prose: string, sentences: Span[], kind: EntityKind): Span[] {
  const out: Span[] = [];
  const pre = PREFILTER[kind];
  for (const s of sentences) {
    const text = prose.slice(s.start, s.end);
    if (!pre.test(text)) continue;
    const doc = nlp(text);
    const view =
      kind === 'person'
        ? doc.people()
        : kind === 'place'
          ? doc.places()
          : kind === 'organization'
            ? doc.organizations()
            : kind === 'date'
              ? doc.match('#Date+')
              : doc.numbers();
    const json = view.json({ offset: true }) as { offset?: { start: number; length: number } }[];
    for (const j of json) {
      if (!j.offset) continue;
      const start = s.start + j.offset.start;
      out.push({ start, end: start + j.offset.length });
    }
  }
  return out;
}
