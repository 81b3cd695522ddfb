export * from './checklistProgress';
export * from './entityChecklist';
