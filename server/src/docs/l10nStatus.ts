// `npm run l10n -- <locale> [prefix]`: what a translation still lacks. Prints, one JSON line each,
// every English message id (matching the prefix, e.g. `review.` or `plan/`) that the locale's
// catalogue does not have, with its English template: the list a translator works through.
// Prints a count on stderr; exits 0 either way (it is a report, not a check: the parity test is).
import { englishCatalogue } from '../engine/l10n.js';
import { availableLocales, ensureLocales } from '../engine/locales.js';
import { catalogueFor } from '../engine/l10n.js';
import '../locales/fronts.js';

const [locale, prefix = ''] = process.argv.slice(2);
ensureLocales();
if (!locale || !availableLocales().includes(locale) || locale === 'en') {
  process.stderr.write(`usage: npm run l10n -- <locale> [id prefix]   (locales: ${availableLocales().filter((l) => l !== 'en').join(', ')})\n`);
  process.exit(2);
}
const own = catalogueFor(locale).messages;
const en = englishCatalogue().messages;
let missing = 0;
for (const id of Object.keys(en).sort()) {
  if (!id.startsWith(prefix) || id in own) continue;
  missing++;
  process.stdout.write(`${JSON.stringify(id)}: ${JSON.stringify(en[id])}\n`);
}
process.stderr.write(`${missing} of ${Object.keys(en).filter((id) => id.startsWith(prefix)).length} English messages${prefix ? ` under ${prefix}` : ''} have no ${locale} translation\n`);
