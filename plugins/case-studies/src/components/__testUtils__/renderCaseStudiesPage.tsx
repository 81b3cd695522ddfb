import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Route, Routes } from 'react-router-dom';
import { CaseStudiesApi, caseStudiesApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { mockCaseStudiesApi } from '../../testing/fixtures';
import { CaseStudiesPage } from '../CaseStudiesPage';

/**
 * Renders the standalone page as an app mounts it, at `/case-studies` with
 * its tabs below, opened at `path`; the catalog's entity pages are mounted
 * for the links to them.
 */
export async function renderCaseStudiesPage(
  path: string,
  api: jest.Mocked<CaseStudiesApi> = mockCaseStudiesApi(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[caseStudiesApiRef, api]]}>
      <Routes>
        <Route path="/case-studies/*" element={<CaseStudiesPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/case-studies': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}
