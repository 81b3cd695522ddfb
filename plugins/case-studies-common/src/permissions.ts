import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type; the string is spelled out here because the
 * catalog exports its constant only from an `/alpha` entry point.
 */
const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity' as const;

/**
 * Changing the checklist status of one catalog entity. A resource permission
 * on catalog entities, so a policy can answer with the catalog's conditions
 * (for example "only the entity's owners").
 *
 * @public
 */
export const caseStudiesChecklistUpdatePermission = createPermission({
  name: 'case-studies.checklist.update',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Creating or changing a rollout (a campaign across many entities).
 *
 * @public
 */
export const caseStudiesRolloutManagePermission = createPermission({
  name: 'case-studies.rollout.manage',
  attributes: { action: 'create' },
});

/** Every permission of the plugin, for registration with the permissions registry. @public */
export const caseStudiesPermissions = [
  caseStudiesChecklistUpdatePermission,
  caseStudiesRolloutManagePermission,
];
