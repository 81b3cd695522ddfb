import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { EntityChecklistEntry } from '@case-studies/plugin-case-studies-common';

/** Items whose conditions do not hold for this entity, collapsed, each with the reason. */
export const NotApplicableItems = (props: {
  items: EntityChecklistEntry[];
}) => {
  const { items } = props;
  if (items.length === 0) return null;
  return (
    <Accordion variant="outlined" TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="checklist-not-applying"
        id="checklist-not-applying-header"
      >
        <Typography variant="body2">
          {items.length} {items.length === 1 ? 'item does' : 'items do'} not
          apply to this entity
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="checklist-not-applying">
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {items.map(item => (
            <li key={item.id}>
              <Typography variant="body2">
                <strong>{item.title}</strong> — {item.reason}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {item.explanation}
              </Typography>
            </li>
          ))}
        </ul>
      </AccordionDetails>
    </Accordion>
  );
};
