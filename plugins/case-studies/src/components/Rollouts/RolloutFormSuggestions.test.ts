import { targetSuggestionsOf } from './RolloutFormSuggestions';

describe('targetSuggestionsOf', () => {
  it('splits part-of refs into systems and domains and adds the catalog’s kinds to the usual ones', () => {
    const suggestions = targetSuggestionsOf({
      kind: [{ value: 'Template', count: 2 }],
      'relations.partOf': [
        { value: 'system:default/payments', count: 4 },
        { value: 'domain:default/money', count: 1 },
        { value: 'component:default/ledger', count: 1 },
      ],
      'relations.ownedBy': [{ value: 'group:default/payments-team', count: 3 }],
    });
    expect(suggestions.systems).toEqual(['system:default/payments']);
    expect(suggestions.domains).toEqual(['domain:default/money']);
    expect(suggestions.owners).toEqual(['group:default/payments-team']);
    expect(suggestions.kinds).toEqual(
      expect.arrayContaining(['component', 'template']),
    );
    // facets the catalog did not answer give no suggestions, not an error
    expect(suggestions.tags).toEqual([]);
  });
});
