import { useApiHolder } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { caseStudiesChecklistUpdatePermission } from '@case-studies/plugin-case-studies-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * Whether the signed-in user may change the checklist of an entity: the
 * backend's own rule (`case-studies.checklist.update` on the entity), asked
 * of the permission framework. An app without a permission API, or a failed
 * check, shows the controls and relies on the backend's 403.
 */
export function useChecklistPermission(entityRef: string): {
  loading: boolean;
  allowed: boolean;
} {
  const permissionApi = useApiHolder().get(permissionApiRef);
  const { value, loading, error } = useAsync(async () => {
    if (!permissionApi) return true;
    const { result } = await permissionApi.authorize({
      permission: caseStudiesChecklistUpdatePermission,
      resourceRef: entityRef,
    });
    return result === AuthorizeResult.ALLOW;
  }, [permissionApi, entityRef]);
  // when the question cannot be asked, show the controls: the backend still
  // decides, and its 403 explains itself
  if (error) return { loading: false, allowed: true };
  return { loading, allowed: value ?? false };
}
