export { EntityCaseStudiesContent } from './EntityCaseStudiesContent';
