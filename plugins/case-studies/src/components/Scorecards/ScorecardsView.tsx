import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  ScorecardGroup,
  ScorecardHistoryResponse,
  ScorecardReport,
} from '@case-studies/plugin-case-studies-common';
import { caseStudiesApiRef } from '../../api';
import { formatDay } from '../shared/format';
import { Loaded } from '../shared/Loaded';
import { saveFile } from '../shared/saveFile';
import { ScorecardControls } from './ScorecardControls';
import { GROUP_BY_PLURALS, groupLabel, sameKey } from './scorecardFormat';
import {
  readScorecardQuery,
  ScorecardQuery,
  scorecardSearchParams,
} from './scorecardQuery';
import { ScorecardSourceLine } from './ScorecardSourceLine';
import { ScorecardTable } from './ScorecardTable';
import { largestGroups, TrendSeries, trendSeries } from './trendSeries';

// recharts is most of the view's weight: fetch it only when a trend is drawn
const ScorecardTrendChart = lazy(() =>
  import('./ScorecardTrendChart').then(m => ({
    default: m.ScorecardTrendChart,
  })),
);

/** `All entities: 43.5 on Apr 13, 2026 → 44 on Apr 15, 2026`: what a line says, in words. */
function seriesSummary(series: TrendSeries): string {
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  const at = (point: typeof first) =>
    `${point.meanScore ?? '—'} on ${formatDay(point.day)}`;
  return `${series.name}: ${at(first)} → ${at(last)}`;
}

const TrendCard = (props: {
  history: ScorecardHistoryResponse | undefined;
  error?: Error;
  series: TrendSeries[];
  picked: boolean;
}) => {
  const { history, error, series, picked } = props;
  let body;
  if (error) {
    body = (
      <Alert severity="warning">
        Could not load the trend: {error.message}
      </Alert>
    );
  } else if (!history) {
    body = <Progress />;
  } else if (history.snapshots.length < 2) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {history.snapshots.length === 0
          ? 'No snapshot has been taken in this period yet.'
          : 'One snapshot so far: the trend starts with the second.'}{' '}
        Snapshots are taken on a schedule, daily by default.
      </Typography>
    );
  } else {
    body = (
      <Box component="figure" m={0} aria-label="Mean score over time">
        <Suspense fallback={<Progress />}>
          <ScorecardTrendChart series={series} />
        </Suspense>
        <Typography
          component="figcaption"
          variant="caption"
          color="textSecondary"
        >
          {series
            .filter(s => s.points.length > 0)
            .map(seriesSummary)
            .join(' · ')}
        </Typography>
      </Box>
    );
  }
  return (
    <InfoCard
      title="Mean score over time"
      subheader={
        picked
          ? 'All entities and the group picked in the table'
          : 'All entities and the largest groups; click a row to draw its line'
      }
    >
      {body}
    </InfoCard>
  );
};

const ScorecardContent = (props: {
  report: ScorecardReport;
  query: ScorecardQuery;
  requestedLive: boolean;
  history: { value?: ScorecardHistoryResponse; error?: Error };
  onQueryChange: (query: ScorecardQuery) => void;
}) => {
  const { report, query, requestedLive, history, onQueryChange } = props;
  const [selectedKey, setSelectedKey] = useState<string | null>();
  const focused = query.group;
  const rows: ScorecardGroup[] = useMemo(
    () =>
      focused === undefined
        ? report.groups
        : report.groups.filter(group => sameKey(group.key, focused)),
    [report, focused],
  );

  const labelOf = useCallback(
    (key: string | null) =>
      groupLabel(
        report.groups.find(group => sameKey(group.key, key)) ?? { key },
        report.groupBy,
      ),
    [report],
  );
  const pickedKey = focused ?? selectedKey;
  const series = useMemo(
    () =>
      history.value
        ? trendSeries(
            history.value,
            pickedKey === undefined
              ? largestGroups(report.groups)
              : [pickedKey],
            labelOf,
          )
        : [],
    [history.value, pickedKey, report, labelOf],
  );

  const hasFilters = Boolean(query.kind || query.type || query.lifecycle);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ScorecardSourceLine report={report} requestedLive={requestedLive} />
        {focused !== undefined && (
          <Box mt={1} display="flex" alignItems="center" gridGap={8}>
            <Chip label={`Only ${labelOf(focused)}`} />
            <Button
              size="small"
              onClick={() => onQueryChange({ ...query, group: undefined })}
            >
              Show all {GROUP_BY_PLURALS[report.groupBy].toLocaleLowerCase()}
            </Button>
          </Box>
        )}
      </Grid>
      {report.groups.length === 0 ? (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No scores yet"
            description={
              hasFilters
                ? 'No entity matches these filters. Change or clear them to see more.'
                : 'No entity you can see in the catalog has been scored yet.'
            }
          />
        </Grid>
      ) : (
        <>
          <Grid item xs={12}>
            <TrendCard
              history={history.value}
              error={history.error}
              series={series}
              picked={pickedKey !== undefined}
            />
          </Grid>
          <Grid item xs={12}>
            {rows.length === 0 ? (
              <EmptyState
                missing="data"
                title={`${labelOf(focused ?? null)} is not in this report`}
                description="It owns no entity that matches the filters, or none you can see."
              />
            ) : (
              <ScorecardTable
                groups={rows}
                groupBy={report.groupBy}
                selectedKey={pickedKey}
                onSelect={key =>
                  setSelectedKey(current =>
                    current !== undefined && sameKey(current, key)
                      ? undefined
                      : key,
                  )
                }
              />
            )}
          </Grid>
        </>
      )}
    </Grid>
  );
};

/**
 * The scorecard report: by owner, system, domain or entity, filtered by
 * kind, type and lifecycle, from the latest snapshot or computed live, with
 * the mean score's trend and a CSV download. What it shows is in the URL's
 * query (see {@link ScorecardQuery}), so a team's roll-up can link to it.
 */
export const ScorecardsView = () => {
  const api = useApi(caseStudiesApiRef);
  const alertApi = useApi(alertApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const query = readScorecardQuery(searchParams);
  const [live, setLive] = useState(false);
  const { groupBy, kind, type, lifecycle } = query;
  // one object per grouping and filters, so the requests below run again only when they change
  const options = useMemo(
    () => ({ groupBy, kind, type, lifecycle }),
    [groupBy, kind, type, lifecycle],
  );

  const report = useAsyncRetry(
    () => api.getScorecard({ ...options, live }),
    [api, options, live],
  );
  // the trend is read from snapshots alone; a live report does not change it
  const history = useAsync(
    () => api.getScorecardHistory(options),
    [api, options],
  );
  const [download, startDownload] = useAsyncFn(async () => {
    try {
      saveFile(await api.downloadScorecardCsv({ ...options, live }));
    } catch (error) {
      alertApi.post({
        message: `Could not download the CSV: ${(error as Error).message}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, options, live]);

  const onQueryChange = (next: ScorecardQuery) =>
    setSearchParams(scorecardSearchParams(next));

  return (
    <Box>
      <Box mb={2}>
        <ScorecardControls
          query={query}
          onChange={onQueryChange}
          live={live}
          onLiveChange={setLive}
          onDownload={startDownload}
          downloading={download.loading}
        />
      </Box>
      {report.loading && report.value && <Progress />}
      <Loaded
        state={report}
        onRetry={report.retry}
        failure="Could not load the scorecard report"
      >
        {value => (
          <ScorecardContent
            // a row picked under one grouping means nothing under another
            key={value.groupBy}
            report={value}
            query={query}
            requestedLive={live}
            history={history}
            onQueryChange={onQueryChange}
          />
        )}
      </Loaded>
    </Box>
  );
};
