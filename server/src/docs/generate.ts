// `npm run docs`: writes docs/rules/<family>.md and the README rule table from rule metadata.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALL_RULES } from '../rules/index.js';
import { renderFamilyPages, renderRuleTable, spliceReadme } from './render.js';
import { REVIEWS_PAGE, REVIEWS_TEMPLATE, renderReviewsDoc } from './reviewsDoc.js';

const root = process.argv[2] ?? process.cwd();
for (const [path, text] of renderFamilyPages(ALL_RULES)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, spliceReadme(readFileSync(readmePath, 'utf8'), renderRuleTable(ALL_RULES)));
console.log('updated the rule table in README.md');
writeFileSync(join(root, REVIEWS_PAGE), renderReviewsDoc(readFileSync(join(root, REVIEWS_TEMPLATE), 'utf8')));
console.log(`wrote ${REVIEWS_PAGE} from ${REVIEWS_TEMPLATE}`);
