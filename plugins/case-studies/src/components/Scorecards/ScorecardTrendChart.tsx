import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@material-ui/core/styles';
import { formatDay } from '../shared/format';
import { OVERALL_SERIES_ID, TrendSeries, trendChartRows } from './trendSeries';

/** Colours of the groups' lines, apart from one another, from the overall line's blue and from the level colours. */
const GROUP_COLOURS = ['#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#17becf'];

/** `Apr 15` of `2026-04-15`: the axis has room for no more. */
const shortDay = (day: string) => formatDay(day).replace(/, \d{4}$/, '');

/**
 * The top of the score axis: the next ten above the highest mean, so that
 * low scores are not a flat line along the bottom, never past 100. The axis
 * starts at 0 all the same, so a line's height still reads as a score.
 */
const scoreAxisTop = (highest: number) =>
  Math.min(100, Math.max(10, Math.ceil(highest / 10) * 10));

/** Beyond this many snapshots the dots crowd the line. */
const MOST_DOTS = 14;

/**
 * The mean score over time: a thick line over all entities and a thinner
 * one per group. Loaded on its own, so the chart library is fetched only
 * when a trend is shown.
 */
export const ScorecardTrendChart = (props: {
  series: TrendSeries[];
  height?: number;
}) => {
  const { series, height = 280 } = props;
  const theme = useTheme();
  const rows = trendChartRows(series);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis
          dataKey="day"
          tickFormatter={shortDay}
          stroke={theme.palette.text.secondary}
        />
        <YAxis
          domain={[0, scoreAxisTop]}
          tickCount={6}
          width={36}
          stroke={theme.palette.text.secondary}
        />
        <Tooltip
          labelFormatter={day => formatDay(String(day))}
          contentStyle={{ background: theme.palette.background.paper }}
        />
        <Legend />
        {series.map((s, index) => {
          const overall = s.id === OVERALL_SERIES_ID;
          return (
            <Line
              key={s.id}
              type="monotone"
              dataKey={s.id}
              name={s.name}
              stroke={
                overall
                  ? theme.palette.primary.main
                  : // the overall line comes first, the groups after it
                    GROUP_COLOURS[(index - 1) % GROUP_COLOURS.length]
              }
              strokeWidth={overall ? 3 : 2}
              dot={rows.length <= MOST_DOTS}
              connectNulls
              // a chart that redraws on every filter change should not replay its animation
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
};
