export { profile } from './profile';
export { neighboursFromEntities } from './neighbours';
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
