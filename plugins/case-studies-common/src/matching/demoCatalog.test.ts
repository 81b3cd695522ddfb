import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { loadKnowledge } from '../cli';
import { CatalogDocument, parseCatalogFile } from '../cli/catalogFile';
import type { KnowledgeBase } from '../knowledge/schema';
import { neighboursFromEntities } from '../profile/neighbours';
import { profile } from '../profile/profile';
import { guidance, Guidance } from './guidance';

/** The demo catalog (`examples/*.yaml` at the repository root), profiled as the backend would. */
const EXAMPLES_DIR = resolve(__dirname, '../../../../examples');

let knowledge: KnowledgeBase;
let documents: CatalogDocument[];
const results = new Map<string, Guidance>();

beforeAll(() => {
  knowledge = loadKnowledge();
  documents = readdirSync(EXAMPLES_DIR)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(file => {
      const path = join(EXAMPLES_DIR, file);
      return parseCatalogFile(path, readFileSync(path, 'utf8'));
    });
  for (const document of documents) {
    if (!document.ref.startsWith('component:')) continue;
    const neighbours = neighboursFromEntities(
      document.entity,
      documents.map(d => d.entity),
    );
    results.set(
      document.ref.replace('component:default/', ''),
      guidance(profile(document.entity, neighbours), knowledge),
    );
  }
});

function resultFor(name: string): Guidance {
  const result = results.get(name);
  if (!result) throw new Error(`no component ${name} in the demo catalog`);
  return result;
}

const warnings = (name: string) => resultFor(name).antipatterns.map(a => a.id);
const topThree = (name: string) =>
  resultFor(name)
    .companies.slice(0, 3)
    .map(c => c.id);

describe('the demo catalog', () => {
  it('gives guidance for every component', () => {
    expect(results.size).toBeGreaterThan(30);
    for (const result of results.values()) {
      expect(result.companies).toHaveLength(knowledge.companies.length);
      expect(result.checklist).toHaveLength(knowledge.checklist.length);
    }
  });

  it.each([
    ['payments-monolith', 'stripe'],
    ['ledger-service', 'stripe'],
    ['catalog-gateway', 'netflix'],
    ['title-metadata-service', 'netflix'],
    ['chat-gateway', 'discord'],
    ['read-states', 'discord'],
    ['channel-fanout', 'slack'],
    ['edge-worker', 'cloudflare'],
    ['storefront-core', 'shopify'],
    ['multiplayer-server', 'figma'],
    ['canvas-engine', 'figma'],
    ['blocks-service', 'notion'],
    ['dispatch-service', 'uber'],
    ['location-ingest', 'uber'],
    ['insights', 'plausible'],
    ['schema-migrator', 'bytebase'],
  ])('%s resembles %s (top three)', (name, company) => {
    expect(topThree(name)).toContain(company);
  });

  it('ranks Stripe first for the payments monolith', () => {
    expect(resultFor('payments-monolith').companies[0].id).toBe('stripe');
  });

  it('warns the payout microservices about strong consistency across services', () => {
    for (const name of [
      'payout-orchestrator',
      'payout-balances',
      'payout-transfers',
      'payout-fees',
    ]) {
      const [first] = resultFor(name).antipatterns;
      expect(first?.id).toBe('microservices-with-strong-consistency');
      expect(first?.severity).toBe('critical');
    }
  });

  it('warns the strongly consistent services that call services of their own system', () => {
    for (const name of [
      'payments-monolith',
      'payout-orchestrator',
      'payout-balances',
      'payout-transfers',
    ]) {
      expect(warnings(name)).toContain(
        'strong-consistency-across-service-calls',
      );
    }
    // payout-fees calls no other service; the ledger calls none either
    expect(warnings('payout-fees')).not.toContain(
      'strong-consistency-across-service-calls',
    );
    expect(warnings('ledger-service')).toEqual([]);
  });

  it('does not call postmortems secret when the service links them', () => {
    expect(warnings('payments-monolith')).not.toContain('secret-postmortems');
  });

  it('gives no other component a critical warning', () => {
    for (const [name, result] of results) {
      if (name.startsWith('payout-')) continue;
      expect(
        result.antipatterns.filter(a => a.severity === 'critical'),
      ).toEqual([]);
    }
  });

  it('warns the two-person rewards squad about a service per engineer', () => {
    for (const name of ['rewards-api', 'rewards-points', 'rewards-notifier']) {
      expect(warnings(name)).toContain('service-per-engineer');
    }
    expect(warnings('rewards-api')).toEqual(
      expect.arrayContaining([
        'mimicking-netflix',
        'mandated-kubernetes',
        'copying-spotify-model',
      ]),
    );
  });

  it('shows the warnings the catalog was written to show', () => {
    expect(warnings('search-indexer')).toEqual(
      expect.arrayContaining(['trend-chasing', 'rust-everywhere']),
    );
    expect(warnings('edge-config-store')).toContain(
      'building-own-database-or-language',
    );
    expect(warnings('trip-pricing')).toContain('secret-postmortems');
    expect(warnings('read-states')).not.toContain('rust-everywhere');
  });

  it('gives the plain service no warning and asks for annotations', () => {
    const plain = resultFor('email-relay');
    expect(plain.antipatterns).toEqual([]);
    expect(plain.tellUsMore.length).toBeGreaterThan(5);
    expect(plain.checklist.some(item => item.applies)).toBe(true);
  });
});
