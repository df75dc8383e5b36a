// The Welsh catalogue: a first translation awaiting review by a Welsh-language officer (see
// docs/glossary-cy.md for the fixed terms and how to send corrections). One JSON file per part of
// planlint, one id a line, sorted; every id must exist in English with the same placeholders
// (test/l10n/parity.test.ts). An id missing here falls back to English, and Welsh is then not a
// "complete" locale, so it is used only when asked for by name (`--locale cy`).
import common from './common.json';
import cli from './cli.json';
import config from './config.json';
import lsp from './lsp.json';
import rulesPlan from './rules-plan.json';
import rulesProgramme from './rules-programme.json';
import rulesReview from './rules-review.json';
import rulesSchema from './rules-schema.json';
import rulesSmart from './rules-smart.json';
import schema from './schema.json';

const parts: ReadonlyArray<Readonly<Record<string, string>>> = [common, cli, config, lsp, rulesPlan, rulesProgramme, rulesReview, rulesSchema, rulesSmart, schema];

export const WELSH: Readonly<Record<string, string>> = Object.assign({}, ...parts);
