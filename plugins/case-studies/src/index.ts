/**
 * The Case Studies frontend plugin: an entity tab with architecture guidance
 * from real companies, antipattern warnings and an engineering-practice
 * checklist (on group, system, domain and user pages, the roll-up of the
 * entities below them), overview cards for entities and teams, and a
 * standalone knowledge library page.
 *
 * @packageDocumentation
 */

export {
  caseStudiesPlugin,
  EntityCaseStudiesContent,
  EntityCaseStudiesCard,
  EntityTeamProgressCard,
  CaseStudiesPage,
} from './plugin';
export * from './api';
