import Chip from '@material-ui/core/Chip';
import type {
  RolloutEntityProgress,
  RolloutItemStatus,
} from '@case-studies/plugin-case-studies-common';

/** How a rollout item's status on an entity reads, wherever it is shown. */
export const ITEM_STATUS_LABELS: Record<RolloutItemStatus, string> = {
  done: 'Done',
  'in-progress': 'In progress',
  todo: 'To do',
  exempted: 'Exempted',
};

type ExemptionProblem = NonNullable<
  RolloutEntityProgress['items'][number]['exemptionProblem']
>;

/** Why an exemption does not count (it counts as open). */
export const EXEMPTION_PROBLEM_LABELS: Record<ExemptionProblem, string> = {
  expired: 'exemption expired',
  'awaiting-approval': 'exemption awaiting approval',
};

/** The flag of an item or rollout past its due date. */
export const OverdueChip = () => (
  <Chip size="small" color="secondary" label="Overdue" />
);
