import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Source } from '@case-studies/plugin-case-studies-common';

/** What users call the Case Studies project's own knowledge. */
export const PROJECT_SOURCE_LABEL = 'Case Studies project';

/**
 * The seed write-up by its title, quoted; by file name only when the
 * knowledge base has no title for it (an organisation's unknown seed).
 */
function seedLabel(source: Source): string | undefined {
  if (source.seedTitle) return `“${source.seedTitle}”`;
  return source.seed ? `seed ${source.seed}` : undefined;
}

/**
 * A source as one label: the public source's title (or url), the seed
 * write-up's title, or the project's own knowledge.
 */
export function sourceLabel(source: Source): string {
  if (source.project) {
    const own = source.covers
      ? `${PROJECT_SOURCE_LABEL} (${source.covers})`
      : PROJECT_SOURCE_LABEL;
    return source.title ? `${own}, after ${source.title}` : own;
  }
  return source.title ?? source.url ?? seedLabel(source) ?? '';
}

/** The text a search should match for a list of sources. */
export function sourcesText(sources: Source[]): string {
  return sources
    .map(s =>
      [
        sourceLabel(s),
        s.seedTitle,
        s.url,
        s.seed,
        s.project && PROJECT_SOURCE_LABEL,
      ]
        .filter(Boolean)
        .join(' '),
    )
    .join(' ');
}

/**
 * Where a fact came from: public sources as links, seed write-ups by their
 * title (a public source with the write-up that names it), and the project's
 * own knowledge as such. The seed's file name is provenance in the data, not
 * something to read.
 */
export const SourceLinks = (props: { sources: Source[]; label?: string }) => {
  const { sources, label = 'Sources' } = props;
  if (sources.length === 0) return null;
  return (
    <Typography variant="caption" component="div" color="textSecondary">
      {label}:{' '}
      {sources.map((source, index) => {
        const namedIn =
          !source.project && (source.title || source.url)
            ? seedLabel(source)
            : undefined;
        return (
          <span key={index}>
            {index > 0 && ' · '}
            {source.url ? (
              <Link to={source.url}>{sourceLabel(source)}</Link>
            ) : (
              sourceLabel(source)
            )}
            {namedIn && <> (named in {namedIn})</>}
          </span>
        );
      })}
    </Typography>
  );
};
