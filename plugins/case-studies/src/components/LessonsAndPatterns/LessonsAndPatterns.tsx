import { ReactNode, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  ApplicableLesson,
  ApplicablePattern,
} from '@case-studies/plugin-case-studies-common';

const SHOWN_FIRST = 6;

const ADOPTION_LABELS: Record<ApplicablePattern['adoption'], string> = {
  copy: 'copy',
  depends: 'it depends',
  'dont-copy': "don't copy",
};

const Entry = (props: {
  title: ReactNode;
  text: string;
  reason: string;
  explanation: string;
}) => (
  <Box component="li" mb={1.5}>
    <Typography variant="subtitle2" component="h4">
      {props.title}
    </Typography>
    <Typography variant="body2">{props.text}</Typography>
    <Typography variant="body2" color="textSecondary">
      <strong>Why it is shown:</strong> {props.reason}
    </Typography>
    <Typography variant="caption" color="textSecondary" component="div">
      {props.explanation}
    </Typography>
  </Box>
);

function ShortList<T>(props: {
  heading: string;
  items: T[];
  render: (item: T) => ReactNode;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? props.items : props.items.slice(0, SHOWN_FIRST);
  return (
    <section aria-label={props.heading}>
      <Typography variant="h6" component="h3">
        {props.heading} ({props.items.length})
      </Typography>
      {props.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None apply to this service.
        </Typography>
      ) : (
        <Box component="ul" pl={2} m={0}>
          {shown.map(props.render)}
        </Box>
      )}
      {props.items.length > SHOWN_FIRST && (
        <Button
          size="small"
          color="primary"
          aria-expanded={showAll}
          onClick={() => setShowAll(all => !all)}
        >
          {showAll
            ? 'Show fewer'
            : `Show all ${props.items.length} ${props.heading.toLowerCase()}`}
        </Button>
      )}
    </section>
  );
}

/** The lessons and patterns that apply, each with the reason it is shown. */
export const LessonsAndPatterns = (props: {
  lessons: ApplicableLesson[];
  patterns: ApplicablePattern[];
}) => (
  <InfoCard title="Lessons and patterns that apply">
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <ShortList
          heading="Lessons"
          items={props.lessons}
          render={lesson => (
            <Entry
              key={lesson.id}
              title={lesson.title}
              text={lesson.summary}
              reason={lesson.reason}
              explanation={lesson.explanation}
            />
          )}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ShortList
          heading="Patterns"
          items={props.patterns}
          render={pattern => (
            <Entry
              key={pattern.id}
              title={
                <>
                  {pattern.name}{' '}
                  <Chip
                    size="small"
                    variant="outlined"
                    label={ADOPTION_LABELS[pattern.adoption]}
                  />
                </>
              }
              text={pattern.solution}
              reason={pattern.reason}
              explanation={pattern.explanation}
            />
          )}
        />
      </Grid>
    </Grid>
  </InfoCard>
);
