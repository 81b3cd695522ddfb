import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { CategoryCompletion } from '@case-studies/plugin-case-studies-common';
import { CATEGORY_LABELS } from '../shared/format';

/** Done over applicable items per checklist category, across the roll-up. */
export const CategoryCompletionCard = (props: {
  categories: CategoryCompletion[];
}) => {
  const { categories } = props;
  return (
    <InfoCard title="Completion by category">
      {categories.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No checklist item applies here.
        </Typography>
      ) : (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {categories.map(c => (
            <Box
              component="li"
              key={c.category}
              mb={1.5}
              aria-label={`${CATEGORY_LABELS[c.category]}: ${c.done} of ${
                c.applicable
              } done`}
            >
              <Box display="flex" justifyContent="space-between">
                <Typography variant="body2">
                  {CATEGORY_LABELS[c.category]}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {c.done}/{c.applicable} ({c.percent}%)
                </Typography>
              </Box>
              <LinearProgress
                variant="determinate"
                value={c.percent}
                aria-hidden
                style={{ height: 6, borderRadius: 3 }}
              />
            </Box>
          ))}
        </Box>
      )}
    </InfoCard>
  );
};
