import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { MissingAnnotation } from '@case-studies/plugin-case-studies-common';

const useStyles = makeStyles(theme => ({
  yaml: {
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 2),
    margin: 0,
    overflowX: 'auto',
    flex: 1,
  },
}));

/** The YAML to paste into catalog-info.yaml for the annotations that would sharpen the guidance. */
export function tellUsMoreYaml(missing: MissingAnnotation[]): string {
  return [
    'metadata:',
    '  annotations:',
    ...missing.map(m => `    ${m.yaml}`),
  ].join('\n');
}

/** "Tell us more": the annotations to add, why each helps, and the exact YAML. */
export const TellUsMore = (props: { missing: MissingAnnotation[] }) => {
  const { missing } = props;
  const classes = useStyles();
  const yaml = tellUsMoreYaml(missing);
  return (
    <Box mt={2} component="section" aria-label="Tell us more">
      <Typography variant="subtitle2" component="h3">
        Tell us more about this entity
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        Owners: add these annotations to the entity's catalog-info.yaml (edit
        the example values) and the guidance gets sharper.
      </Typography>
      <Box display="flex" alignItems="flex-start">
        <pre className={classes.yaml} data-testid="tell-us-more-yaml">
          {yaml}
        </pre>
        <CopyTextButton text={yaml} aria-label="Copy the annotations" />
      </Box>
      <ul>
        {missing.map(m => (
          <li key={m.annotation}>
            <Typography variant="body2" component="span">
              <code>{m.annotation}</code>
              {m.state === 'confirm' ? ' (confirm the guess)' : ''}: {m.why}
              {m.choices.length > 0 && (
                <>
                  . Known values: {m.choices.slice(0, 10).join(', ')}
                  {m.choices.length > 10 ? ', …' : ''}
                </>
              )}
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
};
