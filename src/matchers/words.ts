// The words of a text, read once and shared by every word index (TermIndex) that looks the
// text up: where each word starts, its small-letter form, the capitalised words, and the
// words of a shouted run ("CONGRATS TO SARAH WHITFIELD").

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const UPPER_FIRST = /^\p{Lu}/u;
/** A word in capitals: two or more letters, none small, no digit. */
const CAPS_WORD = /^\p{Lu}{2,}(?:['’]\p{Lu}+)?$/u;
/** What may stand between two words of a shouted run: blanks, after a comma or stop at most. */
const RUN_GAP = /^[,!?.]?[ \t]{1,2}$/;

/**
 * A text's words (WORD's matches, left to right), read once and shared by every index that
 * looks the text up: the rules of a draft look up several vocabularies in the same prose.
 */
export class Words {
  readonly start: number[] = [];
  readonly word: string[] = [];
  private readonly lower: (string | undefined)[] = [];
  private capitalised?: number[];

  constructor(readonly text: string) {
    const re = new RegExp(WORD.source, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      this.start.push(m.index);
      this.word.push(m[0]);
    }
  }

  lowerAt(i: number): string {
    return (this.lower[i] ??= this.word[i].toLowerCase());
  }

  private shoutedWords?: Uint8Array;

  /**
   * Is word i one of a run of three or more words in capitals ("CONGRATS TO SARAH
   * WHITFIELD"), separated by blanks (a comma or stop at most)? A word or two in capitals is
   * emphasis or an acronym (CLOSED, MRI); a run is shouting, and its words are read in title
   * case by case-sensitive lists, so a shouted name is still a name.
   */
  shouted(i: number): boolean {
    if (!this.shoutedWords) {
      const n = this.word.length;
      const caps = new Uint8Array(n);
      for (let k = 0; k < n; k++) caps[k] = CAPS_WORD.test(this.word[k]) ? 1 : 0;
      const out = new Uint8Array(n);
      let k = 0;
      while (k < n) {
        if (!caps[k]) {
          k++;
          continue;
        }
        let end = k + 1;
        while (
          end < n &&
          caps[end] &&
          RUN_GAP.test(this.text.slice(this.start[end - 1] + this.word[end - 1].length, this.start[end]))
        )
          end++;
        if (end - k >= 3) out.fill(1, k, end);
        k = end;
      }
      this.shoutedWords = out;
    }
    return this.shoutedWords[i] === 1;
  }

  /** Word i in title case ("SARAH" → "Sarah"). */
  titleAt(i: number): string {
    const w = this.word[i];
    return w[0] + w.slice(1).toLowerCase();
  }

  /** The positions (in `word`) of the words that start with a capital letter (\p{Lu}), in order. */
  upper(): number[] {
    if (this.capitalised) return this.capitalised;
    const out: number[] = [];
    for (let i = 0; i < this.word.length; i++) {
      const w = this.word[i];
      const c = w.charCodeAt(0);
      if (c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(w)) out.push(i);
    }
    return (this.capitalised = out);
  }
}

let lastWords: Words | undefined;
/** The words of `text` (the last text's are kept: the rules of one draft look it up one after another). */
export function wordsOf(text: string): Words {
  if (lastWords?.text !== text) lastWords = new Words(text);
  return lastWords;
}
