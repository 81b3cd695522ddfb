import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Box from '@material-ui/core/Box';
import type { ServiceProfile } from '@case-studies/plugin-case-studies-common';

/** Every profile value and fact with its source and confidence: "why am I seeing this?". */
export const ProfileProvenanceTable = (props: { profile: ServiceProfile }) => {
  const { profile } = props;
  const rows = [
    ...Object.entries(profile.attributes).flatMap(([attribute, values]) =>
      values.map(v => ({
        key: `${attribute}:${v.value}`,
        name: attribute,
        value: v.value,
        source: v.source,
      })),
    ),
    ...Object.entries(profile.facts).flatMap(([fact, v]) =>
      v
        ? [
            {
              key: `fact:${fact}`,
              name: fact,
              value: String(v.value),
              source: v.source,
            },
          ]
        : [],
    ),
  ];
  return (
    <Box mt={1} overflow="auto">
      <Table size="small" aria-label="Where each profile value came from">
        <TableHead>
          <TableRow>
            <TableCell>Attribute</TableCell>
            <TableCell>Value</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>Confidence</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.key}>
              <TableCell>{row.name}</TableCell>
              <TableCell>{row.value}</TableCell>
              <TableCell>
                {row.source.kind}: {row.source.detail}
              </TableCell>
              <TableCell>{row.source.confidence}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
