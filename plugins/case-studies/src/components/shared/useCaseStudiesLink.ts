import { useCallback } from 'react';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';

/** A function from an entity ref to the path of that entity's Case Studies tab. */
export function useCaseStudiesLink(): (entityRef: string) => string {
  const entityLink = useEntityRefLink();
  return useCallback(
    (entityRef: string) => `${entityLink(entityRef)}/case-studies`,
    [entityLink],
  );
}
