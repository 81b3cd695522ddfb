import type { ProfileAttribute } from '../knowledge/conditions';

/**
 * Annotations of other Backstage plugins that show a practice or a deployment
 * target: an entity wired to PagerDuty has alerting, one with a Kubernetes id
 * runs on Kubernetes. Matched by exact key or, for a key ending in `/`, by
 * prefix. Medium confidence: the tool is configured, not proven to be used.
 */
interface WellKnownAnnotation {
  key: string;
  attribute: ProfileAttribute;
  value: string;
}

const WELL_KNOWN_ANNOTATIONS: readonly WellKnownAnnotation[] = [
  {
    key: 'pagerduty.com/service-id',
    attribute: 'practices',
    value: 'alerting',
  },
  {
    key: 'pagerduty.com/integration-key',
    attribute: 'practices',
    value: 'alerting',
  },
  { key: 'opsgenie.com/', attribute: 'practices', value: 'alerting' },
  {
    key: 'grafana/alert-label-selector',
    attribute: 'practices',
    value: 'alerting',
  },
  {
    key: 'grafana/dashboard-selector',
    attribute: 'practices',
    value: 'observability',
  },
  {
    key: 'grafana/overview-dashboard',
    attribute: 'practices',
    value: 'observability',
  },
  { key: 'datadoghq.com/', attribute: 'practices', value: 'observability' },
  { key: 'prometheus.io/', attribute: 'practices', value: 'observability' },
  { key: 'newrelic.com/', attribute: 'practices', value: 'observability' },
  { key: 'dynatrace.com/', attribute: 'practices', value: 'observability' },
  {
    key: 'sentry.io/project-slug',
    attribute: 'practices',
    value: 'observability',
  },
  { key: 'lightstep.com/', attribute: 'practices', value: 'tracing' },
  {
    key: 'jenkins.io/',
    attribute: 'practices',
    value: 'continuous-integration',
  },
  {
    key: 'circleci.com/project-slug',
    attribute: 'practices',
    value: 'continuous-integration',
  },
  {
    key: 'buildkite.com/project-slug',
    attribute: 'practices',
    value: 'continuous-integration',
  },
  { key: 'argocd/', attribute: 'practices', value: 'continuous-delivery' },
  { key: 'launchdarkly.com/', attribute: 'practices', value: 'feature-flags' },
  {
    key: 'backstage.io/kubernetes-id',
    attribute: 'deployment',
    value: 'kubernetes',
  },
  {
    key: 'backstage.io/kubernetes-label-selector',
    attribute: 'deployment',
    value: 'kubernetes',
  },
];

const BY_KEY = new Map<string, WellKnownAnnotation>();
const BY_PREFIX: WellKnownAnnotation[] = [];
for (const annotation of WELL_KNOWN_ANNOTATIONS) {
  if (annotation.key.endsWith('/')) BY_PREFIX.push(annotation);
  else BY_KEY.set(annotation.key, annotation);
}

/** What a non-`case-studies/*` annotation key tells the profile, if anything. */
export function wellKnownAnnotation(
  key: string,
): { attribute: ProfileAttribute; value: string } | undefined {
  return (
    BY_KEY.get(key) ??
    BY_PREFIX.find(candidate => key.startsWith(candidate.key))
  );
}
