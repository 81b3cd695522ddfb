export * from './CaseStudiesApi';
export * from './CaseStudiesClient';
