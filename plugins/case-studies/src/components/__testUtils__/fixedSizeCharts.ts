import { cloneElement, ReactElement } from 'react';

/**
 * recharts for tests: jsdom lays nothing out, so a ResponsiveContainer
 * measures 0 wide and its chart draws nothing; here it gives the chart a
 * fixed size instead. In a test file:
 * `jest.mock('recharts', () => require('../__testUtils__/fixedSizeCharts').recharts());`
 */
export function recharts() {
  return {
    ...jest.requireActual('recharts'),
    ResponsiveContainer: (props: { children: ReactElement }) =>
      cloneElement(props.children, { width: 800, height: 300 }),
  };
}
