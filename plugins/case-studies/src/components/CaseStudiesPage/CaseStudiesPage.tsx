import { useState } from 'react';
import { Header, Page, TabbedLayout } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import type { KnowledgeBase } from '@case-studies/plugin-case-studies-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { caseStudiesApiRef } from '../../api';
import { rolloutsRouteRef, scorecardsRouteRef } from '../../routes';
import { Loaded } from '../shared/Loaded';
import { RolloutsTab } from '../Rollouts';
import { ScorecardsView } from '../Scorecards';
import {
  AntipatternsTable,
  ChecklistItemsTable,
  CompaniesTable,
  LessonsTable,
  LibraryTab,
  PatternsTable,
} from './LibraryTables';
import { TeamsTab } from './TeamsTab';

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

/** The library tab: the knowledge base, loaded when the tab opens. */
const KnowledgeLibrary = () => {
  const api = useApi(caseStudiesApiRef);
  const knowledge = useAsyncRetry(() => api.getKnowledge(), [api]);
  return (
    <Loaded
      state={knowledge}
      onRetry={knowledge.retry}
      failure="Could not load the knowledge base"
    >
      {value => <Library knowledge={value} />}
    </Loaded>
  );
};

/**
 * The standalone Case Studies page, a tab each at its own path below the
 * page: the knowledge library, the teams and their scores, the platform
 * team's rollouts (with a page per rollout), and the scorecard report.
 *
 * @public
 */
export const CaseStudiesPage = () => (
  <Page themeId="tool">
    <Header
      title="Case Studies"
      subtitle="How real companies built their systems, and what to copy"
    />
    <TabbedLayout>
      <TabbedLayout.Route path="/" title="Library">
        <KnowledgeLibrary />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/teams" title="Teams">
        <TeamsTab />
      </TabbedLayout.Route>
      {/* the tab's route matches `/rollouts/*`, so a rollout's page keeps it selected */}
      <TabbedLayout.Route path={rolloutsRouteRef.path} title="Rollouts">
        <RolloutsTab />
      </TabbedLayout.Route>
      <TabbedLayout.Route path={scorecardsRouteRef.path} title="Scorecards">
        <ScorecardsView />
      </TabbedLayout.Route>
    </TabbedLayout>
  </Page>
);
