import {
  CHECKLIST_NOTE_MAX_LENGTH,
  checklistNoteLength,
  isChecklistNoteWithinLimit,
  unstorableTextProblem,
} from './api';

describe('checklist note length', () => {
  it('counts an emoji as one character, as PostgreSQL does', () => {
    expect(checklistNoteLength('Ships 🚀')).toBe(7);
    expect(
      isChecklistNoteWithinLimit('🚀'.repeat(CHECKLIST_NOTE_MAX_LENGTH)),
    ).toBe(true);
    expect(
      isChecklistNoteWithinLimit('a'.repeat(CHECKLIST_NOTE_MAX_LENGTH + 1)),
    ).toBe(false);
  });
});

describe('unstorableTextProblem', () => {
  it('accepts any well-formed text, characters beyond the BMP included', () => {
    expect(unstorableTextProblem('')).toBeUndefined();
    expect(unstorableTextProblem('Ships 🚀 daily, naïvely')).toBeUndefined();
  });

  it('names a NUL character and an unpaired surrogate of either half', () => {
    expect(unstorableTextProblem('a\u0000b')).toMatch(/NUL/);
    for (const text of ['\ud800', 'a\ud83dz', '\ude80', 'x\ude80\ud83d']) {
      expect(unstorableTextProblem(text)).toMatch(/unpaired surrogate/);
    }
  });
});
