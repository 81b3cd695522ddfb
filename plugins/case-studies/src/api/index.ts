export * from './CaseStudiesApi';
export * from './CaseStudiesClient';
export * from './ChecklistConflictError';
export * from './rollupScope';
export * from './RolloutConflictError';
