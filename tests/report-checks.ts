// Checks of report formats shared by tests: SARIF against the official schema, and the
// syntax of a GitHub workflow command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from './helpers.js';

// The official schema is draft-04 (it uses "id", not "$id"), so Ajv's draft-04 class.
// strict is off because the schema uses "required" inside anyOf branches, which Ajv's
// strict mode rejects although the schema is valid; formats (uri, date-time) are checked.
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'tests', 'data', 'sarif-schema-2.1.0.json'), 'utf8')));

/** '' when the log is valid SARIF 2.1.0, else the schema errors. */
export function sarifErrors(log: unknown): string {
  return validate(log) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

// GitHub's workflow command syntax: ::name key=value,key=value::data, one per line; in
// property values ",", ":" and line breaks must be escaped, in data line breaks.
const PROP = '[^,:\\r\\n]*';
export const FINDING_COMMAND = new RegExp(
  `^::(error|warning|notice) file=${PROP},line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=${PROP}::[^\\r\\n]*$`,
);
