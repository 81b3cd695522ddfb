import { useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  Antipattern,
  ChecklistItem,
  Company,
  KnowledgeBase,
  Lesson,
  Pattern,
  ScaleFigure,
  Source,
} from '@case-studies/plugin-case-studies-common';
import { CATEGORY_LABELS } from '../shared/format';
import { SourceLinks, sourcesText } from '../shared/SourceLinks';

function includes(text: string, filter: string): boolean {
  return text.toLowerCase().includes(filter.toLowerCase());
}

/**
 * `subscribers: 200+ million subscribers — “Netflix overview”`: a figure as
 * its source states it, with the source it comes from and any note.
 */
export function scaleFigureText(figure: ScaleFigure): string {
  const amount = figure.stated ?? figure.value.toLocaleString();
  const year = figure.year ? ` (${figure.year})` : '';
  const from = [
    figure.source?.title,
    figure.seedTitle ? `“${figure.seedTitle}”` : figure.seed,
  ].filter(Boolean);
  const source = from.length ? ` — ${from.join(', named in ')}` : '';
  const notes = [figure.note, figure.correction].filter(Boolean).join('; ');
  return `${figure.metric}: ${amount} ${figure.unit}${year}${source}${
    notes ? `. ${notes}` : ''
  }`;
}

function sourcesColumn<T extends { sources: Source[] }>(): TableColumn<T> {
  return {
    title: 'Sources',
    render: row => <SourceLinks sources={row.sources} label="From" />,
    customFilterAndSearch: (filter: string, row: T) =>
      includes(sourcesText(row.sources), filter),
    sorting: false,
    cellStyle: { minWidth: 240 },
    headerStyle: { minWidth: 240 },
  };
}

function LibraryTable<T extends { id: string; sources: Source[] }>(props: {
  title: string;
  entries: T[];
  columns: TableColumn<T>[];
  detail?: (entry: T) => JSX.Element;
}) {
  const { title, entries, columns, detail } = props;
  // material-table annotates the rows it is given; keep the knowledge base clean
  const data = useMemo(() => entries.map(e => ({ ...e })), [entries]);
  return (
    <Table<T>
      title={title}
      options={{
        search: true,
        paging: entries.length > 25,
        pageSize: 25,
        padding: 'dense',
      }}
      localization={{
        toolbar: { searchPlaceholder: `Search ${title.toLowerCase()}` },
      }}
      columns={[...columns, sourcesColumn<T>()]}
      data={data}
      detailPanel={
        detail
          ? [
              {
                tooltip: 'Show details',
                render: ({ rowData }: { rowData: T }) => (
                  <Box px={4} py={2}>
                    {detail(rowData)}
                  </Box>
                ),
              },
            ]
          : undefined
      }
      emptyContent={
        <Box p={2}>
          <Typography variant="body2">Nothing matches.</Typography>
        </Box>
      }
    />
  );
}

const List = (props: { heading: string; items: string[] }) =>
  props.items.length === 0 ? null : (
    <>
      <Typography variant="subtitle2">{props.heading}</Typography>
      <ul>
        {props.items.map(item => (
          <li key={item}>
            <Typography variant="body2">{item}</Typography>
          </li>
        ))}
      </ul>
    </>
  );

export const CompaniesTable = (props: { companies: Company[] }) => (
  <LibraryTable<Company>
    title="Companies"
    entries={props.companies}
    columns={[
      { title: 'Company', field: 'name', width: '12%' },
      { title: 'Summary', field: 'summary' },
      {
        title: 'Stack',
        render: c =>
          [
            c.stack.languages.join(', '),
            c.stack.databases.join(', '),
            c.stack.architecture,
          ]
            .filter(Boolean)
            .join(' · '),
        customFilterAndSearch: (filter: string, c: Company) =>
          includes(
            [
              ...c.stack.languages,
              ...c.stack.databases,
              ...c.stack.caches,
              ...c.stack.messaging,
              c.stack.architecture,
              c.stack.consistency ?? '',
            ].join(' '),
            filter,
          ),
      },
    ]}
    detail={c => (
      <>
        <List heading="Scale" items={c.scale.map(scaleFigureText)} />
        <List
          heading="Key decisions"
          items={c.decisions.map(d => `${d.what} — ${d.why}`)}
        />
        <List heading="Copy when" items={c.copyWhen} />
        <List
          heading="Don't copy when"
          items={c.dontCopyWhen.map(d => d.text)}
        />
      </>
    )}
  />
);

export const PatternsTable = (props: { patterns: Pattern[] }) => (
  <LibraryTable<Pattern>
    title="Patterns"
    entries={props.patterns}
    columns={[
      { title: 'Pattern', field: 'name', width: '16%' },
      { title: 'Category', field: 'category', width: '10%' },
      { title: 'Adoption', field: 'adoption', width: '8%' },
      { title: 'Problem', field: 'problem' },
    ]}
    detail={p => (
      <>
        <Typography variant="body2" paragraph>
          <strong>Solution:</strong> {p.solution}
        </Typography>
        <List heading="Trade-offs" items={p.tradeoffs} />
        <List heading="Seen at" items={p.companies} />
      </>
    )}
  />
);

export const AntipatternsTable = (props: { antipatterns: Antipattern[] }) => (
  <LibraryTable<Antipattern>
    title="Antipatterns"
    entries={props.antipatterns}
    columns={[
      { title: 'Antipattern', field: 'title', width: '18%' },
      { title: 'Severity', field: 'severity', width: '8%' },
      { title: 'Summary', field: 'summary' },
      { title: 'Remedy', field: 'remedy' },
    ]}
    detail={a => (
      <Typography variant="body2">
        <strong>Why it hurts:</strong> {a.whyItHurts}
      </Typography>
    )}
  />
);

export const ChecklistItemsTable = (props: { items: ChecklistItem[] }) => (
  <LibraryTable<ChecklistItem>
    title="Checklist items"
    entries={props.items}
    columns={[
      { title: 'Item', field: 'title', width: '20%' },
      {
        title: 'Category',
        field: 'category',
        render: i => CATEGORY_LABELS[i.category] ?? i.category,
        width: '10%',
      },
      { title: 'Weight', field: 'weight', type: 'numeric', width: '6%' },
      { title: 'Why', field: 'why' },
    ]}
    detail={i => (
      <>
        <Typography variant="body2" paragraph>
          <strong>How to verify:</strong> {i.verify}
        </Typography>
        <Typography variant="body2">
          <strong>Applies:</strong> {i.reason}
        </Typography>
      </>
    )}
  />
);

export const LessonsTable = (props: { lessons: Lesson[] }) => (
  <LibraryTable<Lesson>
    title="Lessons"
    entries={props.lessons}
    columns={[
      { title: 'Lesson', field: 'title', width: '20%' },
      { title: 'Summary', field: 'summary' },
      {
        title: 'Companies',
        render: l => l.companies.join(', '),
        customFilterAndSearch: (filter: string, l: Lesson) =>
          includes(l.companies.join(' '), filter),
        width: '14%',
      },
    ]}
  />
);

export type LibraryTab = keyof Pick<
  KnowledgeBase,
  'companies' | 'patterns' | 'antipatterns' | 'checklist' | 'lessons'
>;
