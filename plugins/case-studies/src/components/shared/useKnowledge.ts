import { useApi } from '@backstage/core-plugin-api';
import { KnowledgeBase } from '@case-studies/plugin-case-studies-common';
import useAsync from 'react-use/esm/useAsync';
import { CaseStudiesApi, caseStudiesApiRef } from '../../api';

/**
 * The knowledge base changes only when the backend restarts, so one request
 * per API instance serves every component (the tab's sources, the library).
 */
const cache = new WeakMap<CaseStudiesApi, Promise<KnowledgeBase>>();

function loadKnowledge(api: CaseStudiesApi): Promise<KnowledgeBase> {
  let pending = cache.get(api);
  if (!pending) {
    pending = api.getKnowledge();
    cache.set(api, pending);
    pending.catch(() => cache.delete(api));
  }
  return pending;
}

/** The knowledge base, loaded once per API instance. */
export function useKnowledge() {
  const api = useApi(caseStudiesApiRef);
  return useAsync(() => loadKnowledge(api), [api]);
}
