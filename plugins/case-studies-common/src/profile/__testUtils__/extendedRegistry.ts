import type { AttributeDefinition } from '../attributes';

/**
 * The engine's modules loaded afresh over a copy of the attribute registry
 * with `added` attributes: what adding them to `attributes.ts` alone would
 * give. Untyped, as the added names are not `ProfileAttribute`s.
 */
export function engineWithAttributes(
  added: Record<string, AttributeDefinition>,
): any {
  let engine: any;
  jest.isolateModules(() => {
    jest.doMock('../attributes', () => {
      const actual = jest.requireActual('../attributes');
      const extended = { ...actual.ATTRIBUTES, ...added };
      return {
        ...actual,
        ATTRIBUTES: extended,
        PROFILE_ATTRIBUTES: Object.keys(extended),
        attributeDefinition: (a: string) => extended[a],
      };
    });
    engine = {
      ...require('../../knowledge/conditions'),
      ...require('../../knowledge/schema'),
      ...require('../../knowledge/KnowledgeBaseError'),
      ...require('../profile'),
      ...require('../../matching/evaluateCondition'),
      ...require('../../matching/guidance'),
      ...require('../../cli'),
    };
  });
  jest.dontMock('../attributes');
  return engine;
}
