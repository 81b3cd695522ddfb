export { RolloutsTab } from './RolloutsTab';
export { RolloutsView } from './RolloutsView';
export { RolloutPage } from './RolloutPage';
