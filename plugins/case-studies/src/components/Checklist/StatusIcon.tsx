import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import TimelapseIcon from '@material-ui/icons/Timelapse';
import NotInterestedIcon from '@material-ui/icons/NotInterested';
import type { ChecklistStatus } from '@case-studies/plugin-case-studies-common';

/** ☑ done, ◐ in progress, ☐ to do, ⊘ not applicable; decorative (the status is also written out). */
export const StatusIcon = (props: {
  status: ChecklistStatus;
  automatic?: boolean;
}) => {
  const common = { 'aria-hidden': true, fontSize: 'small' as const };
  if (props.status === 'done' || props.automatic) {
    return <CheckCircleIcon {...common} style={{ color: '#2e7d32' }} />;
  }
  if (props.status === 'in-progress') {
    return <TimelapseIcon {...common} color="primary" />;
  }
  if (props.status === 'not-applicable') {
    return <NotInterestedIcon {...common} color="disabled" />;
  }
  return <RadioButtonUncheckedIcon {...common} color="action" />;
};
