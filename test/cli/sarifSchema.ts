// The official SARIF 2.1.0 JSON Schema (vendored; see test/fixtures/sarif-2.1.0-rtm.5.README.md)
// as a validator, shared by the SARIF tests and the locale tests.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './helpers.js';

export function sarifValidator() {
  const raw = JSON.parse(readFileSync(join(REPO, 'test/fixtures/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  // Draft-04 header only; every keyword below it means the same in draft-07 (checked in sarif.test.ts).
  const { $schema: _s, id: _id, ...schema } = raw;
  // unicodeRegExp: false — the schema's `language` pattern has a stray `]`, which is legal in a
  // plain ECMA-262 regular expression but not with the `u` flag Ajv uses by default.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
