import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type {
  CompanyMatch,
  KnowledgeBase,
} from '@case-studies/plugin-case-studies-common';
import { CompanyMatchCard } from './CompanyMatchCard';

const SHOWN_FIRST = 5;

/** "Companies like this service": the most similar companies first, the rest on demand. */
export const CompanyMatches = (props: {
  companies: CompanyMatch[];
  knowledge?: KnowledgeBase;
}) => {
  const { companies, knowledge } = props;
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? companies : companies.slice(0, SHOWN_FIRST);
  const sourcesById = new Map(
    (knowledge?.companies ?? []).map(c => [c.id, c.sources]),
  );

  return (
    <InfoCard title="Companies like this service" variant="gridItem">
      {companies.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          The knowledge base has no company case studies.
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="textSecondary" paragraph>
            Ranked by how much of this service's profile they share (0–100).
          </Typography>
          <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
            {shown.map((company, index) => (
              <CompanyMatchCard
                key={company.id}
                company={company}
                rank={index + 1}
                sources={sourcesById.get(company.id)}
              />
            ))}
          </Box>
          {companies.length > SHOWN_FIRST && (
            <Box mt={1}>
              <Button
                size="small"
                color="primary"
                aria-expanded={showAll}
                onClick={() => setShowAll(all => !all)}
              >
                {showAll
                  ? `Show the top ${SHOWN_FIRST} only`
                  : `Show all ${companies.length} companies`}
              </Button>
            </Box>
          )}
        </>
      )}
    </InfoCard>
  );
};
