#!/usr/bin/env node
// The floor for `npm run bench`: one process that only reads every plan, parses it with
// `yaml`'s parseDocument (YAML 1.2, as planlint does) and validates it against the plan's JSON
// Schema with Ajv (compiled once). No rules, no positions, no report: the least work any
// schema-checking linter must do. Prints the number of files and how many were invalid.
//
//   node bench/floor.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../package.json'));
const { parseDocument } = require('yaml');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats');
const schema = require('./schemas/sentence-plan.schema.json');

const dir = process.argv[2];
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv, ['date', 'uri']);
const validate = ajv.compile(schema);
let files = 0;
let invalid = 0;
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.plan.yaml')) {
      const doc = parseDocument(readFileSync(p, 'utf8'), { version: '1.2' });
      files++;
      if (doc.errors.length || !validate(doc.toJS())) invalid++;
    }
  }
};
walk(dir);
console.log(JSON.stringify({ files, invalid }));
