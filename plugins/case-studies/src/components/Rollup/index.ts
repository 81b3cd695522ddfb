export { RollupContent } from './RollupContent';
export { useRollup, loadRollup } from './useRollup';
