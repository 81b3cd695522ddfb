import type { AttributeDefinition } from '../profile/attributes';
import { engineWithAttributes } from '../profile/__testUtils__/extendedRegistry';

/** `count` more attributes, open and declared by an annotation each. */
function extraAttributes(count: number): Record<string, AttributeDefinition> {
  const added: Record<string, AttributeDefinition> = {};
  for (let i = 0; i < count; i++) {
    added[`extra-${i}`] = {
      annotations: [`case-studies/extra-${i}`],
      values: 'all-sources',
      vocabulary: 'open',
      synonyms: {},
    };
  }
  return added;
}

/**
 * Conditions are compiled to bit masks of the attributes and facts they read
 * (`MAX_ATTRIBUTES_AND_FACTS`): a vocabulary that does not fit must stop
 * the knowledge from compiling, not overflow silently.
 */
describe('the size of the profile vocabulary', () => {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', tags: ['java'] },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
  const today = engineWithAttributes({});
  const room =
    today.MAX_ATTRIBUTES_AND_FACTS -
    today.PROFILE_ATTRIBUTES.length -
    today.PROFILE_FACTS.length;

  it('compiles the knowledge up to the bound', () => {
    const full = engineWithAttributes(extraAttributes(room));
    expect(full.PROFILE_ATTRIBUTES.length + full.PROFILE_FACTS.length).toBe(
      full.MAX_ATTRIBUTES_AND_FACTS,
    );
    const advice = full.guidance(full.profile(entity), full.loadKnowledge());
    expect(advice.companies.length).toBeGreaterThan(0);
  });

  it('refuses one attribute more, naming the limit', () => {
    const over = engineWithAttributes(extraAttributes(room + 1));
    const knowledge = over.loadKnowledge();
    const attempt = () => over.guidance(over.profile(entity), knowledge);
    expect(attempt).toThrow(over.KnowledgeBaseError);
    expect(attempt).toThrow(/are 32; .* at most 31/);
  });
});
