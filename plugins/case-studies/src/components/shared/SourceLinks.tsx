import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Source } from '@case-studies/plugin-case-studies-common';

/** `Stripe engineering blog`, `seed 000_d219….txt`: a source as one label. */
export function sourceLabel(source: Source): string {
  if (source.title) return source.title;
  if (source.url) return source.url;
  return `seed ${source.seed}`;
}

/** The text a search should match for a list of sources. */
export function sourcesText(sources: Source[]): string {
  return sources
    .map(s => [s.title, s.url, s.seed].filter(Boolean).join(' '))
    .join(' ');
}

/** Where a fact came from: public sources as links, seed write-ups by file name. */
export const SourceLinks = (props: { sources: Source[]; label?: string }) => {
  const { sources, label = 'Sources' } = props;
  if (sources.length === 0) return null;
  return (
    <Typography variant="caption" component="div" color="textSecondary">
      {label}:{' '}
      {sources.map((source, index) => (
        <span key={index}>
          {index > 0 && ' · '}
          {source.url ? (
            <Link to={source.url}>{sourceLabel(source)}</Link>
          ) : (
            sourceLabel(source)
          )}
          {source.seed && (source.url || source.title) && (
            <> (seed {source.seed})</>
          )}
        </span>
      ))}
    </Typography>
  );
};
