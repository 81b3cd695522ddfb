export { EntityCaseStudiesCard } from './EntityCaseStudiesCard';
