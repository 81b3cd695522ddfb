import { useState } from 'react';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import type { KnowledgeBase } from '@case-studies/plugin-case-studies-common';
import { LoadError } from '../shared/LoadError';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { caseStudiesApiRef } from '../../api';
import {
  AntipatternsTable,
  ChecklistItemsTable,
  CompaniesTable,
  LessonsTable,
  LibraryTab,
  PatternsTable,
} from './LibraryTables';

const TABS: { id: LibraryTab; label: string }[] = [
  { id: 'companies', label: 'Companies' },
  { id: 'patterns', label: 'Patterns' },
  { id: 'antipatterns', label: 'Antipatterns' },
  { id: 'checklist', label: 'Checklist items' },
  { id: 'lessons', label: 'Lessons' },
];

const Library = (props: { knowledge: KnowledgeBase }) => {
  const { knowledge } = props;
  const [tab, setTab] = useState<LibraryTab>('companies');
  return (
    <>
      <Tabs
        value={tab}
        onChange={(_, value: LibraryTab) => setTab(value)}
        indicatorColor="primary"
        variant="scrollable"
        scrollButtons="auto"
        aria-label="Knowledge library"
      >
        {TABS.map(t => (
          <Tab
            key={t.id}
            value={t.id}
            id={`library-tab-${t.id}`}
            aria-controls={`library-panel-${t.id}`}
            label={`${t.label} (${knowledge[t.id].length})`}
          />
        ))}
      </Tabs>
      <Box
        mt={2}
        role="tabpanel"
        id={`library-panel-${tab}`}
        aria-labelledby={`library-tab-${tab}`}
      >
        {tab === 'companies' && (
          <CompaniesTable companies={knowledge.companies} />
        )}
        {tab === 'patterns' && <PatternsTable patterns={knowledge.patterns} />}
        {tab === 'antipatterns' && (
          <AntipatternsTable antipatterns={knowledge.antipatterns} />
        )}
        {tab === 'checklist' && (
          <ChecklistItemsTable items={knowledge.checklist} />
        )}
        {tab === 'lessons' && <LessonsTable lessons={knowledge.lessons} />}
      </Box>
    </>
  );
};

/** The standalone Case Studies page: the knowledge library. @public */
export const CaseStudiesPage = () => {
  const api = useApi(caseStudiesApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getKnowledge(),
    [api],
  );

  return (
    <Page themeId="tool">
      <Header
        title="Case Studies"
        subtitle="How real companies built their systems, and what to copy"
      />
      <Content>
        {loading && !value && <Progress />}
        {error && !loading && (
          <LoadError
            error={error}
            title="Could not load the knowledge base"
            onRetry={retry}
          />
        )}
        {value && !error && <Library knowledge={value} />}
      </Content>
    </Page>
  );
};
