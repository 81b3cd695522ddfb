export { EntityRolloutsCard, showsRollouts } from './EntityRolloutsCard';
