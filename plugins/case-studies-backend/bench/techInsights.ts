/**
 * The peer of `yarn bench:scorecard`: Backstage Tech Insights from its
 * published packages, as its backend runs it. Its own store and migrations
 * (`initializePersistenceContext`), facts written through the store as a
 * fact retriever's run writes them, 12 boolean checks (`fact equal true`)
 * with the JSON rules engine fact checker, and `runChecks(entityRef,
 * checkIds)` per entity under a concurrency limit of 100, as the router's
 * bulk endpoint (`POST /checks/run`) does. Not shipped (outside `src/`).
 */
import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { initializePersistenceContext } from '@backstage-community/plugin-tech-insights-backend';
import {
  JSON_RULE_ENGINE_CHECK_TYPE,
  JsonRuleBooleanCheckResult,
  JsonRulesEngineFactCheckerFactory,
  TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  FactChecker,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import pLimit from 'p-limit';

/** One fact retriever whose rows carry the 12 facts of an entity. */
export const FACT_RETRIEVER_ID = 'bench-checklist';
export const FACT_NAMES = Array.from(
  { length: 12 },
  (_, i) => `item${i + 1}Done`,
);
/** The router's default `techInsights.checksRunConcurrency`. */
export const CHECKS_RUN_CONCURRENCY = 100;
/** Share of the facts seeded true. */
const TRUE_SHARE = 0.6;

export const TECH_INSIGHTS_CHECKS: TechInsightJsonRuleCheck[] = FACT_NAMES.map(
  (fact, i) => ({
    id: `bench-check-${i + 1}`,
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: `Checklist item ${i + 1} done`,
    description: `${fact} is true`,
    factIds: [FACT_RETRIEVER_ID],
    rule: {
      conditions: { all: [{ fact, operator: 'equal', value: true }] },
    },
  }),
);

export interface TechInsightsPeer {
  store: TechInsightsStore;
  checker: FactChecker<TechInsightJsonRuleCheck, JsonRuleBooleanCheckResult>;
  /** facts seeded true, over all entities and facts */
  trueFacts: number;
  seedMs: number;
}

/**
 * Migrates the database with Tech Insights' own migrations, registers the
 * fact schema and writes one fact row per entity (12 booleans from the
 * seeded PRNG) through `insertFacts`, in one call, as one run of a fact
 * retriever over the catalog does.
 */
export async function seedTechInsights(options: {
  database: DatabaseService;
  logger: LoggerService;
  entityRefs: string[];
  random: () => number;
}): Promise<TechInsightsPeer> {
  const started = performance.now();
  const { techInsightsStore: store } = await initializePersistenceContext(
    options.database,
    { logger: options.logger },
  );
  await store.insertFactSchema({
    id: FACT_RETRIEVER_ID,
    version: '1.0.0',
    schema: Object.fromEntries(
      FACT_NAMES.map(fact => [
        fact,
        { type: 'boolean', description: `Whether ${fact}` },
      ]),
    ),
  });
  let trueFacts = 0;
  const facts = options.entityRefs.map(entityRef => {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return {
      entity: { kind, namespace, name },
      facts: Object.fromEntries(
        FACT_NAMES.map(fact => {
          const value = options.random() < TRUE_SHARE;
          if (value) trueFacts++;
          return [fact, value];
        }),
      ),
    };
  });
  await store.insertFacts({ id: FACT_RETRIEVER_ID, facts });
  const checker = new JsonRulesEngineFactCheckerFactory({
    checks: TECH_INSIGHTS_CHECKS,
    logger: options.logger,
  }).construct(store);
  // The checker validates its checks against the stored schemas without
  // waiting (one query each); let those finish before anything is timed.
  await Promise.all(TECH_INSIGHTS_CHECKS.map(check => checker.validate(check)));
  return {
    store,
    checker,
    trueFacts,
    seedMs: performance.now() - started,
  };
}

export interface ChecksRun {
  entities: number;
  ms: number;
  /** check results returned, and how many of them passed */
  results: number;
  passed: number;
  errors: number;
  queries: number;
}

/**
 * `runChecks` for every entity with every check, at most `concurrency` at a
 * time: what `POST /checks/run` does between parsing the request and
 * sending the response. `queries` reads the database's query count.
 */
export async function runTechInsightsChecks(
  peer: TechInsightsPeer,
  entityRefs: string[],
  queries: () => number,
  concurrency = CHECKS_RUN_CONCURRENCY,
): Promise<ChecksRun> {
  const checkIds = TECH_INSIGHTS_CHECKS.map(check => check.id);
  const limit = pLimit(concurrency);
  const queriesBefore = queries();
  let results = 0;
  let passed = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    entityRefs.map(entityRef =>
      limit(async () => {
        try {
          const checkResults = await peer.checker.runChecks(
            entityRef,
            checkIds,
          );
          results += checkResults.length;
          for (const result of checkResults) if (result.result) passed++;
        } catch {
          errors++;
        }
      }),
    ),
  );
  return {
    entities: entityRefs.length,
    ms: performance.now() - started,
    results,
    passed,
    errors,
    queries: queries() - queriesBefore,
  };
}
