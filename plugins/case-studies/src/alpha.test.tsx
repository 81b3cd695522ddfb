import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { caseStudiesApiRef, CaseStudiesClient } from './api';
import caseStudiesPlugin from './alpha';
import { ledgerEntity, mockCaseStudiesApi } from './testing/fixtures';

jest.setTimeout(30_000);

describe('the /alpha plugin', () => {
  const apis = () =>
    [
      [caseStudiesApiRef, mockCaseStudiesApi()],
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ] as const;

  it('provides the API client', async () => {
    const tester = createExtensionTester(
      caseStudiesPlugin.getExtension('api:case-studies'),
    );
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api).toBe(caseStudiesApiRef);
    const fetch = jest.fn().mockResolvedValue({
      ok: true,
      json: async () => ({ version: 'kb' }),
    });
    const client = factory.factory({
      discoveryApi: {
        getBaseUrl: async () => 'http://backend/api/case-studies',
      },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(CaseStudiesClient);
    await expect((client as CaseStudiesClient).getKnowledge()).resolves.toEqual(
      {
        version: 'kb',
      },
    );
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/case-studies/knowledge',
      undefined,
    );
  });

  it('provides the Case Studies tab at case-studies on entity pages', async () => {
    const tester = createExtensionTester(
      caseStudiesPlugin.getExtension('entity-content:case-studies'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('case-studies');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Case Studies',
    );

    renderInTestApp(
      <EntityProvider entity={ledgerEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: apis() },
    );
    expect(
      await screen.findByText('Companies like this service'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('combobox', {
        name: 'Status of Chaos experiment with a steady-state hypothesis',
      }),
    ).toBeInTheDocument();
  });

  it('provides the overview card', async () => {
    const tester = createExtensionTester(
      caseStudiesPlugin.getExtension('entity-card:case-studies'),
    );
    renderInTestApp(
      <EntityProvider entity={ledgerEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: apis() },
    );
    expect(await screen.findByText('Score 50')).toBeInTheDocument();
  });

  it('provides the library page at /case-studies', async () => {
    const tester = createExtensionTester(
      caseStudiesPlugin.getExtension('page:case-studies'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/case-studies');
    renderInTestApp(tester.reactElement(), { apis: apis() });
    expect(
      await screen.findByRole('tab', { name: 'Companies (3)' }),
    ).toBeInTheDocument();
  });
});
