// The engine's public API: what fronts (CLI, language server, VS Code client) may use.
export * from './types.js';
export { lint, META_RULES, type LintOptions, type LintResult } from './lint.js';
export { fixAll, selectFixes, type FixAllResult, type AppliedFix } from './fix.js';
export { applyEdits } from './edits.js';
export { LineIndex, type LineCol } from './lines.js';
export { parseText, type ParsedText } from './parse.js';
export { loadConfigText, defaultConfig, withRuleOverrides, ruleSetting, type ResolvedConfig, type ConfigProblem } from './config.js';
export { todayLocal, isValidDate } from './dates.js';
export { dueDates, crcPlanWindow, type Obligation, type ObligationState, type ObligationRule } from './obligations.js';
export { ALL_RULES, RULES_BY_ID } from '../rules/index.js';
export type { Rule, RuleContext } from './rule.js';
export type { Plan } from './model.js';
