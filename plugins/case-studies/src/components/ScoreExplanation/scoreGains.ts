import {
  entityScore,
  EntityChecklistEntry,
  itemOutcome,
  progressOf,
  ScoredWarning,
  ScoringRules,
  Severity,
} from '@case-studies/plugin-case-studies-common';

/** Something that would raise an entity's score, and by how much. */
export type ScoreGain =
  | {
      kind: 'warning';
      id: string;
      title: string;
      severity: Severity;
      /** what the warning takes off before the floor at 0 */
      penalty: number;
      points: number;
    }
  | {
      kind: 'item';
      id: string;
      title: string;
      weight: number;
      points: number;
    };

/** Applies, is counted, and is neither done nor satisfied by catalog evidence. */
function isOpen(entry: EntityChecklistEntry): boolean {
  return (
    entry.applies &&
    itemOutcome(entry.state.status, entry.automatic.satisfied) === 'open'
  );
}

/**
 * What would raise the score: resolving each warning, and finishing the open
 * checklist items with the highest weights (at most `items` of them). Each
 * gain is the score after that one change minus the score now, computed with
 * the same rules as the score itself, so floors and caps are accounted for.
 */
export function scoreGains(options: {
  entries: EntityChecklistEntry[];
  warnings: ScoredWarning[];
  rules: ScoringRules;
  items?: number;
}): { warnings: ScoreGain[]; items: ScoreGain[] } {
  const { entries, warnings, rules, items = 3 } = options;
  const progress = progressOf(entries);
  const now = entityScore(progress, warnings, rules);

  const warningGains = now.penalties.map(penalty => {
    const without = warnings.filter(w => w.id !== penalty.warningId);
    return {
      kind: 'warning' as const,
      id: penalty.warningId,
      title: penalty.title,
      severity: penalty.severity,
      penalty: penalty.points,
      points: entityScore(progress, without, rules).score - now.score,
    };
  });

  const itemGains = entries
    .filter(isOpen)
    .sort((a, b) => b.weight - a.weight || a.title.localeCompare(b.title))
    .slice(0, items)
    .map(entry => {
      const done = entries.map(e =>
        e.id === entry.id
          ? { ...e, state: { ...e.state, status: 'done' as const } }
          : e,
      );
      return {
        kind: 'item' as const,
        id: entry.id,
        title: entry.title,
        weight: entry.weight,
        points:
          entityScore(progressOf(done), warnings, rules).score - now.score,
      };
    });

  return { warnings: warningGains, items: itemGains };
}
