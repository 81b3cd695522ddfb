import { Route, Routes } from 'react-router-dom';
import { RolloutPage } from './RolloutPage';
import { RolloutsView } from './RolloutsView';

/**
 * The page's Rollouts tab: the list at its own path, a rollout's page
 * below it (`rollouts/:id`, where the backend's reminders link).
 */
export const RolloutsTab = () => (
  <Routes>
    <Route path="/" element={<RolloutsView />} />
    <Route path="/:id" element={<RolloutPage />} />
  </Routes>
);
