export * from './checklistProgress';
export * from './entityChecklist';
export * from './entityScore';
export * from './rollup';
export * from './scorecard';
