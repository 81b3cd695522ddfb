import { Line, LineChart, Tooltip, YAxis } from 'recharts';
import { useTheme } from '@material-ui/core/styles';
import type { EntityScoreHistoryResponse } from '@case-studies/plugin-case-studies-common';
import { formatDay } from '../shared/format';

/**
 * A tiny line of an entity's score at each snapshot, on the 0–100 scale so
 * that a flat line means a steady score, not a zoomed-in wobble. Loaded on
 * its own, so the chart library is fetched only when there is a line to draw.
 */
export const ScoreSparkline = (props: {
  points: EntityScoreHistoryResponse['points'];
  width?: number;
  height?: number;
}) => {
  const { points, width = 160, height = 36 } = props;
  const theme = useTheme();
  return (
    <LineChart
      width={width}
      height={height}
      data={points}
      margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
    >
      <YAxis hide domain={[0, 100]} />
      <Tooltip
        labelFormatter={(_label, payload) =>
          payload?.[0] ? formatDay(payload[0].payload.day) : ''
        }
        formatter={value => [value, 'Score']}
        contentStyle={{ background: theme.palette.background.paper }}
      />
      <Line
        type="monotone"
        dataKey="score"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
};
