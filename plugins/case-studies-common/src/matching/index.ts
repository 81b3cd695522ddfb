export { guidance } from './guidance';
export type {
  AntipatternWarning,
  ApplicableLesson,
  ApplicablePattern,
  ChecklistApplicability,
  CompanyCaveat,
  CompanyMatch,
  Guidance,
} from './guidance';
export { evaluateCondition } from './evaluateCondition';
export type {
  AttributeEvidence,
  ConditionEvidence,
  ConditionResult,
  FactEvidence,
} from './evaluateCondition';
export { describeEvidence, explainEvidence } from './explain';
export { automaticEvidence } from './automaticEvidence';
export type {
  AutomaticEvidenceMatch,
  AutomaticEvidenceResult,
} from './automaticEvidence';
export type { AttributeComparison } from './similarity';
