// What planlint says about configuration files and policy packs (`.planlintrc.yaml`, a pack's
// YAML, local checks, policy overrides), by message id (engine/messages.ts syntax). The config
// loader, the policy builder and the local-check compiler report these ids with data; a front
// renders them in its locale, and `ConfigProblem.message` keeps the English. Keys, values and
// examples a person types are data or `code` spans, never translated.
import { msg, type MessageData, type Msg } from './messages.js';

export const CONFIG_MESSAGES: Readonly<Record<string, string>> = {
  // The file.
  'config.yamlSyntax': 'YAML syntax: {detail}',
  'config.cannotRead': 'cannot read {what, select, pack {policy pack} other {configuration}}: {error}',
  'config.notMapping': 'configuration must be a mapping with keys rules, policy, programmes, availability',
  'config.packNotMapping': 'a policy pack must be a mapping with keys name, version, effective_from and the policy it sets',
  'config.didYouMean': ' — did you mean `{name}`?',
  'config.unknownRule': 'unknown rule `{id}`{suggest}',
  'config.unknownKey': 'unknown key `{key}` in {what, select, pack {a policy pack} other {configuration}}{suggest}',
  'config.notSeverity': '`{value}` is not a severity: use off, info, warning or error',
  'config.notLocale': '`{value}` is not a locale planlint speaks: use en or cy',
  'config.packNeeds': 'a policy pack needs `{key}` (name, version and effective_from say which policy it is)',
  'config.extendsShape': '`extends` is a pack reference or a list of them (at most 16)',
  'config.schema': '{where} {problem}',
  'config.whereConfig': 'configuration',
  'config.wherePack': 'policy pack',
  // JSON Schema keywords (the validator's own English, word for word, so English is unchanged).
  'config.ajv.type': 'must be {type}',
  'config.ajv.minimum': 'must be >= {limit}',
  'config.ajv.maximum': 'must be <= {limit}',
  'config.ajv.exclusiveMinimum': 'must be > {limit}',
  'config.ajv.exclusiveMaximum': 'must be < {limit}',
  'config.ajv.minLength': 'must NOT have fewer than {limit} characters',
  'config.ajv.maxLength': 'must NOT have more than {limit} characters',
  'config.ajv.minItems': 'must NOT have fewer than {limit} items',
  'config.ajv.maxItems': 'must NOT have more than {limit} items',
  'config.ajv.minProperties': 'must NOT have fewer than {limit} properties',
  'config.ajv.maxProperties': 'must NOT have more than {limit} properties',
  'config.ajv.pattern': 'must match pattern "{pattern}"',
  'config.ajv.format': 'must match format "{format}"',
  'config.ajv.enum': 'must be equal to one of the allowed values',
  'config.ajv.const': 'must be equal to constant',
  'config.ajv.required': "must have required property ''{property}''",
  'config.ajv.uniqueItems': 'must NOT have duplicate items (items ## {j} and {i} are identical)',
  'config.ajv.multipleOf': 'must be multiple of {multiple}',
  'config.ajv.invalid': 'is invalid',
  // Policy overrides.
  'config.unknownPolicyKey': 'unknown key `{key}`{suggest}{allowed}',
  'config.allowed': ' (allowed: {list})',
  'config.unknownSection': 'unknown policy section `{key}` (known: {list})',
  'config.programmesList': 'must be a list of programme entries',
  'config.availabilityMap': 'must map establishment names to lists of programme ids',
  'config.availabilityList': 'must be a list of programme ids',
  'config.availabilityUnknown': '`{id}` is not a programme in the catalogue',
  'config.notReviewValue': '`{param}` is not a value of the review policy',
  'config.reviewValueKind': '`{param}` is not {kind, select, levels {a list of MAPPA levels} number {a number} other {a duration (or a number, with `unit`)}}',
  'config.notObligation': '`{name}` is not an obligation in the table',
  // Policy packs.
  'config.packNoReader': 'cannot read policy pack `{ref}` here: packs are read from files, which this front cannot do',
  'config.packTooDeep': 'policy packs extend each other more than {max} deep: `{ref}` is not read',
  'config.packTooMany': 'more than {max} policy packs in one configuration: `{ref}` is not read',
  'config.packUnreadable': 'cannot read policy pack `{ref}`: {error}',
  'config.packCycle': 'policy pack `{ref}` extends itself (through {n, plural, one {# file} other {# files}}): the cycle is not followed',
  'config.packNotText': 'it is not readable text (check its encoding)',
  'config.packBadRef': 'not a valid reference',
  'config.packRefShape': 'a pack is a path (`./policy/pack.yaml`), an npm package name, or `psi-19-2014`',
  'config.packNoPackage': 'no package `{ref}` with a {file} in node_modules (install it, or name the file by its path)',
  // Local checks (`checks:`).
  'config.checksList': 'checks must be a list of checks',
  'config.checksTooMany': 'too many checks: at most {max} (the rest are ignored)',
  'config.checkMapping': 'a check must be a mapping with at least id, message and require',
  'config.checkUnknownKey': 'unknown key {key} in a check: use {list}',
  'config.thisKey': 'this key',
  'config.checkId': 'a check needs an `id` of the form local/name (lower case letters, digits and hyphens), so it can never take the id of a built-in rule',
  'config.checkBuiltIn': '`{id}` is a built-in rule: a local check cannot replace it',
  'config.checkDuplicate': 'another check already has the id `{id}`',
  'config.checkSeverity': 'severity must be error, warning or info',
  'config.checkNeedsText': 'a check needs a `{key}` (text)',
  'config.checkTextTooLong': '`{key}` is longer than {max} characters',
  'config.checkNeedsRequire': 'a check needs `require`: what a plan must contain when the check applies',
  'config.examplesMapping': 'examples must be a mapping with `fails` and `passes` lists of plan files',
  'config.examplesUnknownKey': 'unknown key {key} in examples: use fails and passes',
  'config.examplesList': 'examples.{key} must be a list of at most {max} file paths (relative to the configuration file)',
  'config.pathShape': 'a path is a dotted plan path such as `sentence.release_date` (at most {max} characters)',
  'config.notPlanPath': "not a plan path: use keys and list indices joined by dots (`objectives.0.need`), at most {max} of them; `$.` starts from the plan's root",
  'config.tooDeep': 'predicates are nested too deeply: at most {max} levels',
  'config.tooManyPredicates': 'this check has too many predicates: at most {max}',
  'config.predicateList': 'expected a non-empty list of predicates',
  'config.predicateListTooLong': 'too many predicates in one list: at most {max}',
  'config.predicateShape': 'a predicate is a mapping (path: … with a test, or all/any/not/some/every/count) or a list of them',
  'config.unexpectedKey': 'unexpected key {key} here: use {list}',
  'config.everyWhere': '`every` needs a `where`: what every item must satisfy',
  'config.wholeNumber': '`{key}` takes a whole number',
  'config.countComparison': '`count` needs a comparison: equals, gt, gte, lt or lte',
  'config.predicateNeedsPath': 'a predicate needs `path` (with a test) or one of all, any, not, some, every, count',
  'config.equalsValue': '`equals` takes one value (text up to {max} characters, a number, true/false or null)',
  'config.inValues': '`in` takes a list of 1 to {max} values',
  'config.takesBoolean': '`{key}` takes true or false',
  'config.matchesGlob': '`matches` takes an anchored glob of at most {max} characters (`*` any run, `?` one character, `\\` escapes); regular expressions are not accepted',
  'config.takesNumber': '`{key}` takes a number',
  'config.ofWithin': '`of` goes with `within` ({example})',
  'config.testNeedsOperator': 'a test needs an operator: {list}',
  'config.notCalendarDate': 'not a calendar date (YYYY-MM-DD)',
  'config.dateRef': 'a date to compare with: `as_of`, a date (YYYY-MM-DD), a plan path such as `sentence.release_date`, or one of those moved by a duration: {example}',
  'config.duration': 'a duration with units, such as {example} (days, weeks, months, years; whole numbers, negative for the past)',
  'config.durationBound': '{unit} must be a whole number between -{bound} and {bound}',
};

/** A configuration message by id (`config.` is added). */
export const cfgMsg = (id: string, data?: MessageData): Msg => msg(`config.${id}`, data);

/** The did-you-mean tail for a nearest name, or '' when there is none. */
export const didYouMean = (name: string | undefined): Msg | '' => (name ? cfgMsg('didYouMean', { name }) : '');

const AJV_KEYWORDS: Readonly<Record<string, (p: Record<string, unknown>) => MessageData>> = {
  type: (p) => ({ type: String(p.type) }),
  minimum: (p) => ({ limit: String(p.limit) }),
  maximum: (p) => ({ limit: String(p.limit) }),
  exclusiveMinimum: (p) => ({ limit: String(p.limit) }),
  exclusiveMaximum: (p) => ({ limit: String(p.limit) }),
  minLength: (p) => ({ limit: String(p.limit) }),
  maxLength: (p) => ({ limit: String(p.limit) }),
  minItems: (p) => ({ limit: String(p.limit) }),
  maxItems: (p) => ({ limit: String(p.limit) }),
  minProperties: (p) => ({ limit: String(p.limit) }),
  maxProperties: (p) => ({ limit: String(p.limit) }),
  pattern: (p) => ({ pattern: String(p.pattern) }),
  format: (p) => ({ format: String(p.format) }),
  enum: () => ({}),
  const: () => ({}),
  required: (p) => ({ property: String(p.missingProperty) }),
  uniqueItems: (p) => ({ i: String(p.i), j: String(p.j) }),
  multipleOf: (p) => ({ multiple: String(p.multipleOf) }),
};

/** A JSON Schema validator error as a message (its keyword and parameters; never the value). */
export function ajvMsg(e: { keyword: string; params?: Record<string, unknown> }): Msg {
  const data = AJV_KEYWORDS[e.keyword];
  return data ? cfgMsg(`ajv.${e.keyword}`, data(e.params ?? {})) : cfgMsg('ajv.invalid');
}
