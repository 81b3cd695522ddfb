import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { WeakItem } from '@case-studies/plugin-case-studies-common';
import { CATEGORY_LABELS } from '../shared/format';

/** The checklist items most often still open across the roll-up. */
export const WeakestItemsCard = (props: { items: WeakItem[] }) => {
  const { items } = props;
  return (
    <InfoCard
      title="Weakest items"
      subheader="The checklist items most often still open"
    >
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing is open: every applicable item is done or exempted.
        </Typography>
      ) : (
        <Box component="ol" m={0} pl={2.5} aria-label="Weakest items">
          {items.map(item => (
            <Box component="li" key={item.itemId} mb={1}>
              <Typography variant="body2">
                <strong>{item.title}</strong>
              </Typography>
              <Typography variant="caption" color="textSecondary">
                open on {item.open} of {item.applicable} ·{' '}
                {CATEGORY_LABELS[item.category]}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </InfoCard>
  );
};
