import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { caseStudiesApiRef } from '../../api';

/** The Case Studies tab of an entity page. @public */
export const EntityCaseStudiesContent = () => {
  const { entity } = useEntity();
  const api = useApi(caseStudiesApiRef);
  const { value, loading, error } = useAsync(() => api.getKnowledge(), [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;

  return (
    <InfoCard title="Case Studies">
      <Typography variant="body1">
        Guidance for {stringifyEntityRef(entity)} draws on{' '}
        {value?.companies.length ?? 0} company case studies,{' '}
        {value?.patterns.length ?? 0} patterns and{' '}
        {value?.checklist.length ?? 0} checklist items.
      </Typography>
    </InfoCard>
  );
};
