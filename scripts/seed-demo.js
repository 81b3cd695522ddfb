// Gives the demo some checklist progress to look at: signed in as the guest
// (a member of Payments Core), marks a seeded-random share of the open items
// of the team's entities done or in progress, through the REST API as a user
// would. Other teams' entities stay untouched (the guest may not change them).
//
//   yarn demo:seed [--backend http://127.0.0.1:7007] [--team default/payments-team]
const { parseArgs } = require('util');

/** mulberry32: a small seeded PRNG, so every run makes the same choices. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function guestToken(backendUrl) {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`guest sign-in: ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

/**
 * Marks items of the team's entities; returns how many changes were accepted.
 * Entity shares differ (a seeded 20-90 %), so the team page shows a spread of
 * scores and levels.
 */
async function seedTeamProgress({ backendUrl, token, team, seed = 13 }) {
  const api = `${backendUrl}/api/case-studies`;
  const headers = { Authorization: `Bearer ${token}` };
  const rollup = await fetch(`${api}/groups/${team}/progress?limit=500`, {
    headers,
  });
  if (!rollup.ok) throw new Error(`team progress: ${rollup.status}`);
  const { entities } = await rollup.json();
  const random = prng(seed);
  let changes = 0;
  for (const entity of entities) {
    const share = 0.2 + random() * 0.7;
    const path = `${api}/entities/${entity.kind.toLowerCase()}/${
      entity.namespace
    }/${entity.name}`;
    const guidance = await fetch(`${path}/guidance`, { headers });
    if (!guidance.ok) {
      throw new Error(`${entity.entityRef} guidance: ${guidance.status}`);
    }
    // The items still open: applicable, neither done nor exempted, nor
    // satisfied by automatic evidence.
    const openItems = (await guidance.json()).checklist
      .filter(
        item =>
          item.applies &&
          item.state.status !== 'done' &&
          item.state.status !== 'not-applicable' &&
          !item.automatic.satisfied,
      )
      .map(item => item.id);
    for (const itemId of openItems) {
      const roll = random();
      if (roll > share + 0.1) continue;
      const status = roll < share ? 'done' : 'in-progress';
      const response = await fetch(`${path}/checklist/${itemId}`, {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status, note: 'seeded for the demo' }),
      });
      if (!response.ok) {
        throw new Error(
          `${entity.entityRef} ${itemId}: ${
            response.status
          } ${await response.text()}`,
        );
      }
      changes += 1;
    }
  }
  return changes;
}

module.exports = { seedTeamProgress, guestToken, prng };

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      backend: { type: 'string', default: 'http://127.0.0.1:7007' },
      team: { type: 'string', default: 'default/payments-team' },
    },
  });
  guestToken(values.backend)
    .then(token =>
      seedTeamProgress({
        backendUrl: values.backend,
        token,
        team: values.team,
      }),
    )
    .then(changes => console.log(`${changes} checklist changes recorded`))
    .catch(error => {
      console.error(String(error));
      process.exit(1);
    });
}
