/**
 * The Case Studies frontend plugin: an entity tab with architecture guidance
 * from real companies, antipattern warnings and an engineering-practice
 * checklist, an overview card, and a standalone knowledge library page.
 *
 * @packageDocumentation
 */

export {
  caseStudiesPlugin,
  EntityCaseStudiesContent,
  EntityCaseStudiesCard,
  CaseStudiesPage,
} from './plugin';
export * from './api';
