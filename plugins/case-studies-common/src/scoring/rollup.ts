import { compareCodeUnits } from '../knowledge/byId';
import {
  CHECKLIST_CATEGORIES,
  type ChecklistCategory,
  type Severity,
  SEVERITIES,
} from '../knowledge/schema';
import type { AntipatternWarning } from '../matching';
import { checklistProgress, itemOutcome, percentOf } from './checklistProgress';
import type { CountedChecklistItem } from './entityChecklist';
import { scoreTotals, type ScoreTotals } from './scorecard';
import {
  entityScore,
  EntityScore,
  ScoringRules,
  warningsBySeverity,
} from './entityScore';

/** Done over applicable items of one checklist category. @public */
export interface CategoryCompletion {
  category: ChecklistCategory;
  done: number;
  applicable: number;
  /** 0–100, rounded down */
  percent: number;
}

/** What the roll-up reads of an entity besides its checklist. @public */
export interface ScoredEntityIdentity {
  entityRef: string;
  kind: string;
  type?: string;
  name: string;
  namespace: string;
  title?: string;
  lifecycle?: string;
  /** the group of the roll-up that owns the entity (a sub-team, or the entity's owner on system and domain pages) */
  team?: string;
}

/** One entity of a roll-up (a team's, system's or domain's entities), scored. @public */
export interface ScoredEntity extends ScoredEntityIdentity {
  score: EntityScore;
  done: number;
  applicable: number;
  exempted: number;
  /** done / applicable, 0–100 */
  percent: number;
  warnings: Record<Severity, number>;
  /** the most severe warning */
  topWarning?: { id: string; title: string; severity: Severity };
  /** per category with at least one applicable item, in category order */
  categories: CategoryCompletion[];
}

/**
 * A scored entity with the ids of its counted items, from which a summary
 * finds the items most often open. The ids stay on the server: they were
 * half of every roll-up row's bytes, and the entity's own guidance lists them.
 *
 * @public
 */
export interface ScoredEntityWithItems extends ScoredEntity {
  /** ids of applicable items neither done nor exempted */
  openItems: string[];
  /** ids of applicable items that are done (by status or automatic evidence) */
  doneItems: string[];
}

/** The row of a scored entity as a roll-up page shows it, without item ids. @public */
export function withoutItems(entity: ScoredEntityWithItems): ScoredEntity {
  const { openItems: _open, doneItems: _done, ...row } = entity;
  return row;
}

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

/**
 * Scores one entity from its counted checklist (see `countedChecklist`) and
 * its warnings; the unit a roll-up (and a scorecard snapshot) is made of.
 *
 * @public
 */
export function scoreEntity(options: {
  identity: ScoredEntityIdentity;
  checklist: CountedChecklistItem[];
  antipatterns: Pick<AntipatternWarning, 'id' | 'title' | 'severity'>[];
  rules: ScoringRules;
}): ScoredEntityWithItems {
  const { identity, checklist, antipatterns, rules } = options;
  const byCategory = new Map<ChecklistCategory, CategoryCompletion>();
  const openItems: string[] = [];
  const doneItems: string[] = [];
  for (const entry of checklist) {
    if (!entry.applies) continue;
    const outcome = itemOutcome(entry.status, entry.automaticallySatisfied);
    if (outcome === 'exempted') continue;
    const completion = byCategory.get(entry.category) ?? {
      category: entry.category,
      done: 0,
      applicable: 0,
      percent: 0,
    };
    completion.applicable += 1;
    if (outcome === 'done') {
      completion.done += 1;
      doneItems.push(entry.id);
    } else {
      openItems.push(entry.id);
    }
    byCategory.set(entry.category, completion);
  }
  const categories = CHECKLIST_CATEGORIES.flatMap(category => {
    const completion = byCategory.get(category);
    return completion
      ? [
          {
            category,
            done: completion.done,
            applicable: completion.applicable,
            percent: percentOf(completion.done, completion.applicable),
          },
        ]
      : [];
  });
  // The first of the most severe (guidance lists them most severe first).
  let topWarning: (typeof antipatterns)[number] | undefined;
  for (const warning of antipatterns) {
    if (
      !topWarning ||
      severityRank(warning.severity) > severityRank(topWarning.severity)
    ) {
      topWarning = warning;
    }
  }
  const progress = checklistProgress(checklist);
  // Object.assign, not `{ ...identity, score, ... }`: V8 (Node 20) adds the
  // properties after a spread one slow step at a time, ~10 µs a row, and
  // leaves a row that serialises at half speed; a tenth of an organisation's
  // roll-up went there (see docs/benchmarks.md, "Team roll-ups").
  return Object.assign({}, identity, {
    score: entityScore(progress, antipatterns, rules),
    done: progress.done,
    applicable: progress.applicable,
    exempted: progress.exempted,
    percent: progress.percent,
    warnings: warningsBySeverity(antipatterns),
    topWarning: topWarning
      ? {
          id: topWarning.id,
          title: topWarning.title,
          severity: topWarning.severity,
        }
      : undefined,
    categories,
    openItems,
    doneItems,
  });
}

/** An item that is open on many entities of a roll-up. @public */
export interface WeakItem {
  itemId: string;
  title: string;
  category: ChecklistCategory;
  /** entities on which it applies and is neither done nor exempted */
  open: number;
  /** entities on which it applies and is not exempted */
  applicable: number;
}

/** Totals over the entities of a roll-up. @public */
export interface RollupSummary extends ScoreTotals {
  categories: CategoryCompletion[];
  /** the items most often still open, most open first */
  weakestItems: WeakItem[];
}

/** How many of the most-open items a summary lists. @public */
export const WEAKEST_ITEMS_LISTED = 5;

/**
 * Totals over scored entities: mean and median score, level distribution,
 * completion overall and per category, warnings by severity, and the items
 * most often open. `items` gives the titles and categories of item ids.
 *
 * @public
 */
export function summariseScores(
  entities: ScoredEntityWithItems[],
  items: ReadonlyMap<string, { title: string; category: ChecklistCategory }>,
): RollupSummary {
  const categories = new Map<ChecklistCategory, CategoryCompletion>();
  const itemCounts = new Map<string, { open: number; applicable: number }>();

  for (const entity of entities) {
    for (const completion of entity.categories) {
      const total = categories.get(completion.category) ?? {
        category: completion.category,
        done: 0,
        applicable: 0,
        percent: 0,
      };
      total.done += completion.done;
      total.applicable += completion.applicable;
      categories.set(completion.category, total);
    }
    // Every counted item (open or done) applies; only open ones are weak.
    for (const itemId of entity.openItems) {
      const counts = itemCounts.get(itemId);
      if (counts) {
        counts.open += 1;
        counts.applicable += 1;
      } else {
        itemCounts.set(itemId, { open: 1, applicable: 1 });
      }
    }
    for (const itemId of entity.doneItems) {
      const counts = itemCounts.get(itemId);
      if (counts) counts.applicable += 1;
      else itemCounts.set(itemId, { open: 0, applicable: 1 });
    }
  }

  const weakestItems = [...itemCounts.entries()]
    .filter(([, counts]) => counts.open > 0)
    .map(([itemId, counts]) => ({ itemId, ...counts }))
    .sort((a, b) => b.open - a.open || compareCodeUnits(a.itemId, b.itemId))
    .slice(0, WEAKEST_ITEMS_LISTED)
    .map(({ itemId, open, applicable: of }) => {
      const item = items.get(itemId);
      return {
        itemId,
        title: item?.title ?? itemId,
        category: item?.category ?? 'practices',
        open,
        applicable: of,
      };
    });

  return {
    ...scoreTotals(
      entities.map(entity => ({
        score: entity.score.score,
        level: entity.score.level,
        done: entity.done,
        applicable: entity.applicable,
        exempted: entity.exempted,
        warnings: entity.warnings,
      })),
    ),
    categories: CHECKLIST_CATEGORIES.flatMap(category => {
      const total = categories.get(category);
      return total
        ? [{ ...total, percent: percentOf(total.done, total.applicable) }]
        : [];
    }),
    weakestItems,
  };
}
