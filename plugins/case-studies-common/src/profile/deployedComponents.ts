import { objectAt, stringAt } from './entityFields';

/**
 * Component `spec.type`s that run as something a team deploys and operates
 * (its own pipeline, dashboards, on-call): services and their close kin.
 * Not `library` or `documentation`, which ship inside or beside something
 * else. Not `website` either: in most catalogs it is a static site or a
 * front end served by the team's services (a docs site, a status page),
 * which adds neither a hop between services nor data to keep consistent,
 * the costs the service counts are about. A listed type, not an excluded
 * one, so a type nobody recognises is not counted (no warning without
 * evidence), and so the catalog can be asked for them by `spec.type`.
 *
 * @public
 */
export const DEPLOYED_COMPONENT_TYPES: readonly string[] = [
  'service',
  'microservice',
  'worker',
  'job',
  'cronjob',
  'function',
  'serverless',
  'lambda',
  'stream-processor',
];

const DEPLOYED = new Set(DEPLOYED_COMPONENT_TYPES);

/**
 * Whether an entity is a Component of a deployed type (see
 * {@link DEPLOYED_COMPONENT_TYPES}). Tolerates any JSON.
 *
 * @public
 */
export function isDeployedComponent(entity: unknown): boolean {
  const root = objectAt(entity);
  const kind = stringAt(root.kind)?.toLowerCase();
  const type = stringAt(objectAt(root.spec).type);
  // Compared as the catalog's `spec.type` filter compares (case only), so an
  // owner's count read from the catalog and one counted here agree.
  return (
    kind === 'component' &&
    type !== undefined &&
    DEPLOYED.has(type.toLocaleLowerCase('en-US'))
  );
}
