export { profile } from './profile';
export { neighboursFromEntities } from './neighbours';
export {
  DEPLOYED_COMPONENT_TYPES,
  isDeployedComponent,
} from './deployedComponents';
export type {
  Confidence,
  MissingAnnotation,
  ProfileConflict,
  ProfileFactValue,
  ProfileNeighbours,
  ProfileValue,
  Provenance,
  ProvenanceKind,
  RejectedValue,
  ServiceProfile,
} from './types';
