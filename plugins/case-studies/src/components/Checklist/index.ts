export { ChecklistCard } from './ChecklistCard';
export { useChecklist } from './useChecklist';
export type { ChecklistChange, ChecklistItemNotice } from './useChecklist';
