import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { caseStudiesApiRef, CaseStudiesClient } from './api';
import caseStudiesPlugin from './alpha';
import { rootRouteRef } from './routes';
import {
  ledgerEntity,
  mockCaseStudiesApi,
  paymentsTeamEntity,
  scorecardsPathOf,
} from './testing/fixtures';

// the Scorecards tab draws a chart
jest.mock('recharts', () =>
  require('./components/__testUtils__/fixedSizeCharts').recharts(),
);

jest.setTimeout(30_000);

/** The page, its tab and the tab's data load one after the other, each lazily. */
const PAGE_LOAD_TIMEOUT = 10_000;

describe('the /alpha plugin', () => {
  const apis = () =>
    [
      [caseStudiesApiRef, mockCaseStudiesApi()],
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ] as const;

  /** Renders an extension for an entity, with the catalog's entity route mounted for links. */
  const renderForEntity = (
    tester: ReturnType<typeof createExtensionTester>,
    entity: Entity,
  ) =>
    renderInTestApp(
      <EntityProvider entity={entity}>{tester.reactElement()}</EntityProvider>,
      {
        apis: apis(),
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name':
            convertLegacyRouteRef(entityRouteRef),
        },
      },
    );

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

    renderForEntity(tester, ledgerEntity);
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
    renderForEntity(tester, ledgerEntity);
    expect(await screen.findByText('Score 25')).toBeInTheDocument();
  });

  it('shows the roll-up in the same tab on group pages', async () => {
    const tester = createExtensionTester(
      caseStudiesPlugin.getExtension('entity-content:case-studies'),
    );
    renderForEntity(tester, paymentsTeamEntity);
    expect(await screen.findByText('Team progress')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'refunds-worker' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/refunds-worker/case-studies',
    );
  });

  it('provides the team progress card, on group pages only', async () => {
    const tester = createExtensionTester(
      caseStudiesPlugin.getExtension('entity-card:case-studies/team-progress'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(paymentsTeamEntity)).toBe(true);
    expect(filter(ledgerEntity)).toBe(false);

    renderForEntity(tester, paymentsTeamEntity);
    expect(await screen.findByText('Mean score 45')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'refunds-worker' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/refunds-worker/case-studies',
    );
  });

  it('provides the library page at /case-studies', async () => {
    const tester = createExtensionTester(
      caseStudiesPlugin.getExtension('page:case-studies'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/case-studies');
    renderInTestApp(tester.reactElement(), { apis: apis() });
    expect(
      await screen.findByRole(
        'tab',
        { name: 'Companies (3)' },
        { timeout: PAGE_LOAD_TIMEOUT },
      ),
    ).toBeInTheDocument();
  });

  it('serves the Scorecards tab below the page, and the team tab links to it', async () => {
    const page = createExtensionTester(
      caseStudiesPlugin.getExtension('page:case-studies'),
    );
    const mountedRoutes = {
      '/case-studies': convertLegacyRouteRef(rootRouteRef),
      '/catalog/:namespace/:kind/:name': convertLegacyRouteRef(entityRouteRef),
    };
    const rendered = renderInTestApp(page.reactElement(), {
      apis: apis(),
      mountPath: '/case-studies',
      initialRouteEntries: ['/case-studies/scorecards?groupBy=owner'],
      mountedRoutes,
    });
    expect(
      await screen.findByRole(
        'link',
        { name: 'payments-team' },
        { timeout: PAGE_LOAD_TIMEOUT },
      ),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team/case-studies',
    );
    rendered.unmount();

    const tab = createExtensionTester(
      caseStudiesPlugin.getExtension('entity-content:case-studies'),
    );
    renderInTestApp(
      <EntityProvider entity={paymentsTeamEntity}>
        {tab.reactElement()}
      </EntityProvider>,
      { apis: apis(), mountedRoutes },
    );
    expect(
      await screen.findByRole('link', { name: 'Open in scorecards' }),
    ).toHaveAttribute(
      'href',
      scorecardsPathOf('owner', 'group:default/payments-team'),
    );
  });
});
