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
import type { RolloutProgressResponse } from '@case-studies/plugin-case-studies-common';
import { formatDay } from '../shared/format';

/** `Apr 15` of `2026-04-15`: the axis has room for no more. */
const shortDay = (day: string) => formatDay(day).replace(/, \d{4}$/, '');

/** Beyond this many days the dots crowd the lines. */
const MOST_DOTS = 31;

/**
 * A rollout's burn-up: the (entity, item) pairs done at the end of each day
 * climbing towards the total asked for, which moves as entities join and
 * leave the target. Loaded on its own, so the chart library is fetched only
 * when a rollout's page opens.
 */
export const RolloutBurnUpChart = (props: {
  burnUp: RolloutProgressResponse['burnUp'];
  height?: number;
}) => {
  const { burnUp, height = 260 } = props;
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        data={burnUp}
        margin={{ top: 8, right: 24, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis
          dataKey="day"
          tickFormatter={shortDay}
          stroke={theme.palette.text.secondary}
        />
        <YAxis
          allowDecimals={false}
          width={36}
          stroke={theme.palette.text.secondary}
        />
        <Tooltip
          labelFormatter={day => formatDay(String(day))}
          contentStyle={{ background: theme.palette.background.paper }}
        />
        <Legend />
        <Line
          type="stepAfter"
          dataKey="total"
          name="Total"
          stroke={theme.palette.text.secondary}
          strokeDasharray="6 3"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="done"
          name="Done"
          stroke={theme.palette.primary.main}
          strokeWidth={3}
          dot={burnUp.length <= MOST_DOTS}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
};
