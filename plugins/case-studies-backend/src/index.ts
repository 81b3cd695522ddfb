/**
 * The Case Studies backend plugin: architecture guidance and checklist
 * tracking for catalog entities.
 *
 * @packageDocumentation
 */

export { caseStudiesPlugin as default } from './plugin';
