import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Route, Routes } from 'react-router-dom';
import { CaseStudiesApi, caseStudiesApiRef } from '../../api';

/**
 * Renders an overview card as on an entity page: under a splat route at the
 * entity's path, with the catalog's entity route mounted for links.
 */
export async function renderOverviewCard(
  card: ReactElement,
  options: { api: CaseStudiesApi; entity: Entity },
) {
  const { api, entity } = options;
  const path = `/catalog/${
    entity.metadata.namespace ?? 'default'
  }/${entity.kind.toLocaleLowerCase('en-US')}/${entity.metadata.name}`;
  await renderInTestApp(
    <TestApiProvider apis={[[caseStudiesApiRef, api]]}>
      <EntityProvider entity={entity}>
        <Routes>
          <Route path="/catalog/:namespace/:kind/:name/*" element={card} />
        </Routes>
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
