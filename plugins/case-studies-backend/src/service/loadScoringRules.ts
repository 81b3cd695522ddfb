import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  parseScoringRules,
  ScoringRules,
} from '@case-studies/plugin-case-studies-common';

/**
 * The scoring rules from `caseStudies.scorecards`, defaults for what is not
 * set. Throws at start-up, naming the field, when a value cannot be used.
 */
export function loadScoringRules(config: RootConfigService): ScoringRules {
  const section = config.getOptional<Record<string, unknown>>(
    'caseStudies.scorecards',
  );
  // `snapshots` is read by loadSnapshotSettings; the rest is the rules.
  const { snapshots: _snapshots, ...rules } = section ?? {};
  return parseScoringRules(rules);
}
