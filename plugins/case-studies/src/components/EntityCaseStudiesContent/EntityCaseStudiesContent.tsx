import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { rollupScopeOf } from '../../api';
import { RollupContent } from '../Rollup';
import { EntityGuidance } from './EntityGuidance';

/**
 * The Case Studies tab of an entity page (any kind). Groups, systems,
 * domains and users get the roll-up of the entities below them; systems and
 * domains also keep their own architecture guidance underneath. Every other
 * kind gets its guidance.
 *
 * @public
 */
export const EntityCaseStudiesContent = () => {
  const { entity } = useEntity();
  const scope = rollupScopeOf(entity.kind);
  if (!scope) return <EntityGuidance entity={entity} />;
  if (scope === 'group' || scope === 'user') {
    return <RollupContent entity={entity} scope={scope} />;
  }
  const heading = `Architecture guidance for this ${scope} as a whole`;
  return (
    <>
      <RollupContent entity={entity} scope={scope} />
      <Box component="section" mt={5} aria-label={heading}>
        <Typography variant="h5" component="h2">
          {heading}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          From the {scope}'s own profile in the catalog, not a summary of what
          is in it.
        </Typography>
        <EntityGuidance entity={entity} />
      </Box>
    </>
  );
};
