import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  EntityChecklistEntry,
  EntityScore,
  ScoredWarning,
  ScoringRules,
} from '@case-studies/plugin-case-studies-common';
import { LEVEL_LABELS } from '../shared/levels';
import { ScoreGain, scoreGains } from './scoreGains';

/**
 * `Score 25 · Bronze: completion 50, −20 critical warning 'X', −5 medium
 * warning 'Y'; 25 points to Silver`.
 */
export function explainScore(score: EntityScore): string {
  const parts = [
    `completion ${score.completion}`,
    ...score.penalties.map(
      p => `−${p.points} ${p.severity} warning '${p.title}'`,
    ),
  ];
  const floored =
    score.completion - score.penaltyTotal < 0 ? ' (not below 0)' : '';
  const next = score.next
    ? `${score.next.pointsNeeded} point${
        score.next.pointsNeeded === 1 ? '' : 's'
      } to ${LEVEL_LABELS[score.next.level]}`
    : 'the top level';
  return `Score ${score.score} · ${LEVEL_LABELS[score.level]}: ${parts.join(
    ', ',
  )}${floored}; ${next}`;
}

function describeGain(gain: ScoreGain): string {
  if (gain.kind === 'warning') {
    const effect =
      gain.points > 0
        ? `+${gain.points}`
        : `removes its −${gain.penalty}, still below 0 with the others`;
    return `Resolve the ${gain.severity} warning '${gain.title}': ${effect}`;
  }
  return `Finish '${gain.title}' (weight ${gain.weight}): +${gain.points}`;
}

/**
 * How a score is made up and what would raise it: the warnings to resolve
 * and the open checklist items that weigh most.
 */
export const ScoreExplanation = (props: {
  score: EntityScore;
  entries: EntityChecklistEntry[];
  warnings: ScoredWarning[];
  rules: ScoringRules;
  /** how many open items to suggest */
  items?: number;
}) => {
  const { score, entries, warnings, rules, items } = props;
  const gains = scoreGains({ entries, warnings, rules, items });
  const suggestions = [...gains.warnings, ...gains.items].filter(
    gain => gain.kind === 'warning' || gain.points > 0,
  );
  return (
    <Box component="section" aria-label="Score explanation">
      <Typography variant="body2">{explainScore(score)}</Typography>
      {suggestions.length > 0 && (
        <Typography variant="body2" component="div" color="textSecondary">
          What would raise it:
          <Box component="ul" mt={0} mb={0} pl={2.5}>
            {suggestions.map(gain => (
              <li key={`${gain.kind}:${gain.id}`}>{describeGain(gain)}</li>
            ))}
          </Box>
        </Typography>
      )}
    </Box>
  );
};
