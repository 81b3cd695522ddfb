export * from './conditions';
export * from './schema';
export * from './buildKnowledgeBase';
export * from './KnowledgeBaseError';
export { canonicalJson, contentHash } from './contentHash';
export { compareCodeUnits } from './byId';
export * from './knowledgeFiles';
