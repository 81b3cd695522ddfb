import { useApiHolder } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { caseStudiesRolloutManagePermission } from '@case-studies/plugin-case-studies-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * Whether the signed-in user may create and change rollouts and approve
 * exemptions: the backend's own rule (`case-studies.rollout.manage`), asked
 * of the permission framework. Unlike the checklist's controls, which show
 * when the question fails, these stay hidden then: most users are not
 * platform engineers, and a button that always answers 403 misleads them.
 * An app without a permission API (permissions off) shows them.
 */
export function useRolloutManagePermission(): {
  loading: boolean;
  allowed: boolean;
} {
  const permissionApi = useApiHolder().get(permissionApiRef);
  const { value, loading } = useAsync(async () => {
    if (!permissionApi) return true;
    const { result } = await permissionApi.authorize({
      permission: caseStudiesRolloutManagePermission,
    });
    return result === AuthorizeResult.ALLOW;
  }, [permissionApi]);
  return { loading, allowed: value ?? false };
}
