// Messages by id (ESLint's `meta.messages` + `messageId` + `data`). A rule reports a message
// id and data; the text is rendered here from a catalogue, in one locale, so that no
// user-facing sentence is written inline and a second language is one more catalogue.
//
// Template syntax: a small, total subset of ICU MessageFormat.
// - `{name}`                                  the value of `name` in data
// - `{n, plural, =0 {none} one {# day} other {# days}}`   `#` is the number; plural categories
//                                              come from Intl.PluralRules for the locale
// - `{x, select, custody {…} other {…}}`       a branch per value, `other` as the fallback
// - `{d, date}`                                a `YYYY-MM-DD` date (English keeps the ISO form)
// - `'{'` / `'}'` / `''` quote a brace or an apostrophe; a lone apostrophe is literal text.
// A value may itself be a message (`{ id, data }`), rendered in the same locale: labels such as
// "objective 3" are messages too. Rendering never throws: an unknown id renders as the id, a
// missing value as `{name}`, so a catalogue mistake shows up in a test, never as a crash.

export type MessageValue = string | number | Msg;
export type MessageData = Readonly<Record<string, MessageValue>>;

/** A message by id with its data. Ids without a `.` belong to the reporting rule. */
export interface Msg {
  readonly id: string;
  readonly data?: MessageData;
}

export const msg = (id: string, data?: MessageData): Msg => (data ? { id, data } : { id });

export const isMsg = (v: unknown): v is Msg =>
  typeof v === 'object' && v !== null && typeof (v as Msg).id === 'string';

/** One locale's messages: full id (`plan/action-owner.missing`, `common.objective`) → template. */
export interface MessageCatalogue {
  readonly locale: string;
  readonly messages: Readonly<Record<string, string>>;
  /** Where a message is missing in this locale (English for every other). */
  readonly fallback?: MessageCatalogue;
}

/** Messages shared by every rule and front: item labels, units. */
export const COMMON_MESSAGES: Readonly<Record<string, string>> = {
  'common.objective': 'objective {n}',
  'common.action': 'action {n}',
  'common.outcome': 'outcome {n}',
  'common.review': 'review {n}',
  'common.event': 'event {n}',
  'common.need': 'need {n}',
  'common.item': 'item {n}',
  'common.days': '{n, plural, one {# day} other {# days}}',
  'common.weeks': '{n, plural, one {# week} other {# weeks}}',
  'common.months': '{n, plural, one {# month} other {# months}}',
  'common.years': '{n, plural, one {# year} other {# years}}',
};

/** The full id of a message reported by `ruleId`: rule-local ids are prefixed with the rule id. */
export function fullId(ruleId: string, id: string): string {
  return id.includes('.') ? id : `${ruleId}.${id}`;
}

/** Render a message in a catalogue. `ruleId` resolves rule-local ids (nested ones too). */
export function renderMsg(m: Msg, catalogue: MessageCatalogue, ruleId = ''): string {
  const id = fullId(ruleId, m.id);
  const template = lookup(catalogue, id);
  if (template === undefined) return id;
  return formatTemplate(template, m.data ?? {}, catalogue, ruleId);
}

function lookup(c: MessageCatalogue | undefined, id: string): string | undefined {
  const t = lookupExact(c, id);
  if (t !== undefined) return t;
  // A family's shared message: `review/periodic.overdue` reads `review.overdue` when no catalogue
  // has a rule-level one, so a translation lists a family's sentences once and may still
  // override one rule's.
  const fam = FAMILY_ID.exec(id);
  return fam ? lookupExact(c, `${fam[1]}.${fam[2]}`) : undefined;
}

const FAMILY_ID = /^([a-z]+)\/[a-z0-9-]+\.(.+)$/;

function lookupExact(c: MessageCatalogue | undefined, id: string): string | undefined {
  for (let cur = c; cur; cur = cur.fallback) {
    const t = cur.messages[id];
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Whether a catalogue (or its fallbacks, or the family's shared messages) has a message for `id`. */
export function hasMessage(c: MessageCatalogue, id: string): boolean {
  return lookup(c, id) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Parsing templates. Parsed once per template text and cached (templates are a fixed set).

type Part =
  | { t: 'text'; s: string }
  | { t: 'arg'; name: string }
  | { t: 'date'; name: string }
  | { t: 'number'; name: string }
  | { t: 'hash' }
  | { t: 'plural'; name: string; branches: Map<string, Part[]> }
  | { t: 'select'; name: string; branches: Map<string, Part[]> };

const parsedCache = new Map<string, Part[]>();

export class TemplateError extends Error {}

/** Parse a template; throws TemplateError on a malformed one (tests check every catalogue). */
export function parseTemplate(template: string): Part[] {
  const hit = parsedCache.get(template);
  if (hit) return hit;
  const p = new TemplateParser(template);
  const parts = p.parts(false, false);
  if (p.i < template.length) throw new TemplateError(`unexpected '}' at ${p.i} in "${template}"`);
  parsedCache.set(template, parts);
  return parts;
}

class TemplateParser {
  i = 0;
  constructor(private readonly s: string) {}

  parts(inBranch: boolean, inPlural: boolean): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ t: 'text', s: text });
      text = '';
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === "'") {
        const next = this.s[this.i + 1];
        if (next === "'") {
          text += "'";
          this.i += 2;
        } else if (next === '{' || next === '}' || (inPlural && next === '#')) {
          const close = this.s.indexOf("'", this.i + 1);
          if (close < 0) throw new TemplateError(`unclosed quote in "${this.s}"`);
          text += this.s.slice(this.i + 1, close);
          this.i = close + 1;
        } else {
          text += c;
          this.i++;
        }
      } else if (c === '{') {
        flush();
        out.push(this.argument());
      } else if (c === '}') {
        if (!inBranch) throw new TemplateError(`unexpected '}' in "${this.s}"`);
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push({ t: 'hash' });
        this.i++;
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return out;
  }

  private argument(): Part {
    this.i++; // {
    const name = this.word();
    if (!name) throw new TemplateError(`an argument needs a name in "${this.s}"`);
    this.space();
    if (this.s[this.i] === '}') {
      this.i++;
      return { t: 'arg', name };
    }
    if (this.s[this.i] !== ',') throw new TemplateError(`expected ',' or '}' after {${name} in "${this.s}"`);
    this.i++;
    this.space();
    const kind = this.word();
    this.space();
    if (kind === 'date' || kind === 'number') {
      if (this.s[this.i] !== '}') throw new TemplateError(`expected '}' after {${name}, ${kind} in "${this.s}"`);
      this.i++;
      return { t: kind, name };
    }
    if (kind !== 'plural' && kind !== 'select') throw new TemplateError(`unknown argument type "${kind}" in "${this.s}"`);
    if (this.s[this.i] !== ',') throw new TemplateError(`expected ',' after {${name}, ${kind} in "${this.s}"`);
    this.i++;
    const branches = new Map<string, Part[]>();
    for (;;) {
      this.space();
      if (this.s[this.i] === '}') {
        this.i++;
        break;
      }
      const key = this.word(true);
      if (!key) throw new TemplateError(`expected a branch key in {${name}, ${kind}} of "${this.s}"`);
      this.space();
      if (this.s[this.i] !== '{') throw new TemplateError(`expected '{' after branch ${key} in "${this.s}"`);
      this.i++;
      branches.set(key, this.parts(true, kind === 'plural'));
      if (this.s[this.i] !== '}') throw new TemplateError(`unclosed branch ${key} in "${this.s}"`);
      this.i++;
    }
    if (!branches.has('other')) throw new TemplateError(`{${name}, ${kind}} needs an 'other' branch in "${this.s}"`);
    return { t: kind, name, branches };
  }

  private word(allowEq = false): string {
    const re = allowEq ? /[=\w-]/ : /[\w-]/;
    const start = this.i;
    while (this.i < this.s.length && re.test(this.s[this.i])) this.i++;
    return this.s.slice(start, this.i);
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, n: number): string {
  let r = pluralRules.get(locale);
  if (!r) {
    // A locale tag Intl does not accept (a pseudo-locale such as `qps-test`) uses English rules.
    try {
      r = new Intl.PluralRules(locale);
    } catch {
      r = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, r);
  }
  return r.select(n);
}

/** Date rendering per locale: English (and any locale without its own) keeps `YYYY-MM-DD`. */
const DATE_FORMATS: Record<string, (iso: string) => string> = {};

/** Register how a locale writes a `{d, date}` value (a localisation adds its month names). */
export function registerDateFormat(locale: string, format: (iso: string) => string): void {
  DATE_FORMATS[locale] = format;
}

export function formatTemplate(template: string, data: MessageData, catalogue: MessageCatalogue, ruleId = ''): string {
  let parts: Part[];
  try {
    parts = parseTemplate(template);
  } catch {
    return template;
  }
  return formatParts(parts, data, catalogue, ruleId, undefined);
}

function formatParts(parts: Part[], data: MessageData, c: MessageCatalogue, ruleId: string, hash: number | undefined): string {
  let out = '';
  for (const p of parts) {
    switch (p.t) {
      case 'text':
        out += p.s;
        break;
      case 'hash':
        out += hash === undefined ? '#' : String(hash);
        break;
      case 'arg':
      case 'number':
        out += valueText(data[p.name], p.name, c, ruleId);
        break;
      case 'date': {
        const v = data[p.name];
        const f = DATE_FORMATS[c.locale];
        out += typeof v === 'string' && f ? f(v) : valueText(v, p.name, c, ruleId);
        break;
      }
      case 'plural': {
        const v = data[p.name];
        const n = typeof v === 'number' ? v : Number(v);
        const exact = p.branches.get(`=${n}`);
        const branch = exact ?? p.branches.get(Number.isFinite(n) ? pluralCategory(c.locale, n) : 'other') ?? p.branches.get('other')!;
        out += formatParts(branch, data, c, ruleId, n);
        break;
      }
      case 'select': {
        const v = data[p.name];
        const branch = p.branches.get(typeof v === 'string' ? v : String(v)) ?? p.branches.get('other')!;
        out += formatParts(branch, data, c, ruleId, hash);
        break;
      }
    }
  }
  return out;
}

function valueText(v: MessageValue | undefined, name: string, c: MessageCatalogue, ruleId: string): string {
  if (v === undefined) return `{${name}}`;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return renderMsg(v, c, ruleId);
}

/** Placeholder names a template uses (for catalogue parity tests). */
export function templateArguments(template: string): Set<string> {
  const names = new Set<string>();
  const walk = (parts: Part[]): void => {
    for (const p of parts) {
      if (p.t === 'text' || p.t === 'hash') continue;
      names.add(p.name);
      if (p.t === 'plural' || p.t === 'select') for (const b of p.branches.values()) walk(b);
    }
  };
  walk(parseTemplate(template));
  return names;
}
