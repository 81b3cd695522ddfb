/**
 * A copy of the engine loaded from a checkout's `src` folder, for the
 * comparison benches. Not part of the package API.
 */
import type { KnowledgeBase } from '../src/knowledge/schema';
import type { guidance as guidanceFunction } from '../src/matching/guidance';
import type { profile as profileFunction } from '../src/profile/profile';
import type { Sample } from './catalog';

export interface Engine {
  name: string;
  profile: typeof profileFunction;
  guidance: typeof guidanceFunction;
  knowledge: KnowledgeBase;
  /** keeps each result in use, so the work cannot be optimised away */
  sink: number;
}

export function loadEngine(name: string, srcDir: string): Engine {
  /* eslint-disable @typescript-eslint/no-require-imports */
  // Each checkout's modules are loaded from its own path: independent copies.
  const { profile } = require(`${srcDir}/profile/profile`);
  const { guidance } = require(`${srcDir}/matching/guidance`);
  const { loadKnowledge } = require(`${srcDir}/cli`);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { name, profile, guidance, knowledge: loadKnowledge(), sink: 0 };
}

/** Profile + guidance for every entity of the catalog, once. */
export function runCatalog(engine: Engine, catalog: Sample[]): void {
  for (const sample of catalog) {
    const result = engine.guidance(
      engine.profile(sample.entity, sample.neighbours),
      engine.knowledge,
    );
    engine.sink += result.companies[0].score + result.antipatterns.length;
  }
}
