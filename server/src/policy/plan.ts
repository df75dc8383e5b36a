// Plan policy data: thresholds and word lists for the plan/* rules (PSI 19/2014 paras 1.2, 1.9, 2.4, 2.16).
// Data in plan.json, schema in schemas/policy/plan.schema.json.
export interface PlanPolicy {
  /** plan/responsibility: determinate custodial terms of at least this many months are planned in custody (PSI 1.9). */
  responsibility_min_custodial_months: number;
  /** plan/young-person-education: under this age on `sentenced_on` the plan is a training plan (PSI 1.9). */
  adult_age: number;
  /** plan/not-required: a community order whose single requirement is one of these needs no plan (PSI 1.2). */
  no_plan_requirements: string[];
  /** plan/not-required: requirements that only monitor another one (PSI 1.7's EM contractor case) and do not count as a second requirement. */
  monitoring_requirements: string[];
  /** plan/deportation: words in an objective or action that show preparation for release in the home country (PSI 2.4). */
  home_country_phrases: string[];
  /** plan/interpreter: words in an action or objective that show delivery through an interpreter is planned (PSI 2.16). */
  interpreter_phrases: string[];
}
