// What a reply's front matter `in-reply-to:` names, read (issue 17): `review.txt` (a file
// holding one review) or `../reviews/export.csv#123` (a comment of an export, by id or row;
// an export of one comment needs no id). The path is relative to the draft's folder and must
// stay inside the repository (config/repo-root.ts draftMayRead: symbolic links resolved),
// since drafts may come from an untrusted pull request; an absolute path is refused. Whatever
// goes wrong is a problem (a phi-lint/front-matter finding on the line), never an exception,
// and never quotes the review or the export.
import { dirname, isAbsolute, resolve } from 'node:path';
import { asReview, findComment, parseExport, type ColumnMap } from '../comments/export.js';
import { BinaryFileError, decodeDraft, type ReviewReader } from '../documents/load.js';
import { PhiLintError } from '../errors.js';
import { readDraft } from '../read-draft.js';

const PARTS = /^(.*?\.(md|markdown|txt|csv|tsv|jsonl|ndjson|json))(?:#([^\s#]+))?$/i;
const TEXT = new Set(['md', 'markdown', 'txt']);
const WITHOUT = 'the reply is linted without its review';

export function reviewReader(
  draftPath: string,
  cwd: string,
  mayRead: (file: string) => boolean,
  columns: ColumnMap,
): ReviewReader {
  return (ref) => {
    const m = PARTS.exec(ref);
    if (!m) return { problem: `not a file this can read; ${WITHOUT}.` };
    const [, file, ext, id] = m;
    const path = resolve(cwd, dirname(draftPath), file);
    if (!mayRead(path)) return { problem: 'names a file outside the repository; it is not read.' };
    if (isAbsolute(file) || /^[A-Za-z]:/.test(file))
      return { problem: `an absolute path is not read; name the file relative to the draft's folder (${WITHOUT}).` };
    const read = readDraft(path);
    if ('error' in read) {
      if (read.error === 'no such file or directory')
        return { problem: `the file it names does not exist; ${WITHOUT}.` };
      return { problem: `the file it names cannot be read (${read.error}); ${WITHOUT}.` };
    }
    let text: string;
    try {
      text = decodeDraft(read.buf).text;
    } catch (e) {
      if (e instanceof BinaryFileError) return { problem: `the file it names is not text; ${WITHOUT}.` };
      throw e;
    }
    if (TEXT.has(ext.toLowerCase())) {
      if (id !== undefined)
        return { problem: `"#" names a comment of an export (.csv or .jsonl); a text file holds one review.` };
      return { review: text };
    }
    let comments;
    try {
      comments = parseExport(path, text, columns);
    } catch (e) {
      // the export's own errors name a line or a column, never a comment's text
      if (e instanceof PhiLintError) return { problem: `the export cannot be read: ${e.message}; ${WITHOUT}.` };
      throw e;
    }
    if (id === undefined) {
      if (comments.length === 1) return { review: asReview(comments[0]) };
      return { problem: `the export holds ${comments.length} comments: add #ID (the comment's id or row).` };
    }
    const hit = findComment(comments, id);
    if (!hit) return { problem: `the export has no comment with that id or row; ${WITHOUT}.` };
    return { review: asReview(hit) };
  };
}
