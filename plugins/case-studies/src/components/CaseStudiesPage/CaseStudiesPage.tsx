import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Company } from '@case-studies/plugin-case-studies-common';
import useAsync from 'react-use/esm/useAsync';
import { caseStudiesApiRef } from '../../api';

const columns: TableColumn<Company>[] = [
  { title: 'Company', field: 'name' },
  { title: 'Summary', field: 'summary' },
  { title: 'Architecture', field: 'stack.architecture' },
  {
    title: 'Sources',
    render: company => company.sources.map(s => s.seed ?? s.title).join(', '),
  },
];

/** The standalone Case Studies page: the knowledge library. @public */
export const CaseStudiesPage = () => {
  const api = useApi(caseStudiesApiRef);
  const { value, loading, error } = useAsync(() => api.getKnowledge(), [api]);

  return (
    <Page themeId="tool">
      <Header
        title="Case Studies"
        subtitle="How real companies built their systems, and what to copy"
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Table
            title="Companies"
            options={{ paging: false, search: true }}
            columns={columns}
            data={value.companies}
          />
        )}
      </Content>
    </Page>
  );
};
