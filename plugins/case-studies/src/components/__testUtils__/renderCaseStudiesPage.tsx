import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AlertApi, alertApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Route, Routes } from 'react-router-dom';
import { CaseStudiesApi, caseStudiesApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { mockCaseStudiesApi } from '../../testing/fixtures';
import { CaseStudiesPage } from '../CaseStudiesPage';

/**
 * Renders the standalone page as an app mounts it, at `/case-studies` with
 * its tabs below, opened at `path`; the catalog's entity pages are mounted
 * for the links to them. With `permission`, a permission API answers every
 * question so; without, there is none (an app with permissions off).
 * With `alertApi`, the page's alerts go to it.
 */
export async function renderCaseStudiesPage(
  path: string,
  api: jest.Mocked<CaseStudiesApi> = mockCaseStudiesApi(),
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    alertApi?: AlertApi;
  } = {},
) {
  const permissionApis =
    options.permission === undefined
      ? []
      : [
          [
            permissionApiRef,
            mockApis.permission({ authorize: options.permission }),
          ] as const,
        ];
  const alertApis = options.alertApi
    ? [[alertApiRef, options.alertApi] as const]
    : [];
  await renderInTestApp(
    <TestApiProvider
      apis={[[caseStudiesApiRef, api], ...permissionApis, ...alertApis]}
    >
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
