/**
 * Benchmark of profile + guidance on one core, over a deterministic catalog of
 * 10,000 varied entities (seeded PRNG). Not part of the package API.
 *
 *   yarn workspace @case-studies/plugin-case-studies-common bench:match
 *
 * Options: --entities <n> (default 10000), --rounds <n> timed passes (default 5).
 */
import { parseArgs } from 'util';
import { loadKnowledge } from '../src/cli';
import { guidance } from '../src/matching/guidance';
import { profile } from '../src/profile/profile';
import { generateCatalog, Sample, seededRandom } from './catalog';
import { machineYardstickMs } from './yardstick';

const WARM_UP_PASSES = 3;

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))
  ];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const count = Number(values.entities);
  const rounds = Number(values.rounds);
  const knowledge = loadKnowledge();
  const catalog = generateCatalog(count, seededRandom(20250101));

  let checksum = 0;
  const run = (sample: Sample) => {
    const result = guidance(
      profile(sample.entity, sample.neighbours),
      knowledge,
    );
    checksum += result.companies[0].score + result.antipatterns.length;
  };

  // Warm-up: V8 needs a few passes before the hot paths are fully optimised.
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
    for (const sample of catalog) run(sample);
  }

  // Each round times every entity; the machine may be shared, so the best
  // round is the figure closest to what one free core does.
  const perEntityMicros = new Float64Array(count * rounds);
  const roundRates: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    const roundStarted = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const before = process.hrtime.bigint();
      run(catalog[i]);
      perEntityMicros[round * count + i] =
        Number(process.hrtime.bigint() - before) / 1000;
    }
    const roundMs = Number(process.hrtime.bigint() - roundStarted) / 1e6;
    roundRates.push(Math.round((count / roundMs) * 1000));
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);

  // Where the time goes: each half on its own, best of three passes.
  const bestPassMicros = (pass: () => void) => {
    let best = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const passStarted = process.hrtime.bigint();
      pass();
      best = Math.min(best, Number(process.hrtime.bigint() - passStarted));
    }
    return best / 1000 / count;
  };
  const profileMicros = bestPassMicros(() => {
    for (const sample of catalog) {
      checksum += profile(sample.entity, sample.neighbours).unknown.length;
    }
  });
  const profiles = catalog.map(sample =>
    profile(sample.entity, sample.neighbours),
  );
  const guidanceMicros = bestPassMicros(() => {
    for (const serviceProfile of profiles) {
      checksum += guidance(serviceProfile, knowledge).lessons.length;
    }
  });
  perEntityMicros.sort();
  const sortedRates = [...roundRates].sort((a, b) => a - b);

  const evaluated = count * rounds;
  process.stdout.write(
    [
      `profile + guidance, ${count} entities x ${rounds} rounds, knowledge ${knowledge.version} ` +
        `(${knowledge.companies.length} companies, ${knowledge.lessons.length} lessons, ${knowledge.patterns.length} patterns, ` +
        `${knowledge.antipatterns.length} antipatterns, ${knowledge.checklist.length} checklist items), node ${process.version}`,
      `entities/s: ${sortedRates[sortedRates.length - 1]} best round, ${
        sortedRates[Math.floor(sortedRates.length / 2)]
      } median round, ${Math.round(
        (evaluated / totalMs) * 1000,
      )} overall (rounds: ${roundRates.join(', ')})`,
      `total: ${totalMs.toFixed(
        1,
      )} ms for ${evaluated} entities (process CPU ${(
        (cpu.user + cpu.system) /
        1000
      ).toFixed(1)} ms)`,
      `per entity: p50 ${percentile(perEntityMicros, 0.5).toFixed(
        1,
      )} µs, p99 ${percentile(perEntityMicros, 0.99).toFixed(1)} µs`,
      `split: profile ${profileMicros.toFixed(
        1,
      )} µs + guidance ${guidanceMicros.toFixed(1)} µs per entity`,
      `machine yardstick: sorting 10^6 doubles takes ${machineYardstickMs(
        seededRandom(1),
      ).toFixed(0)} ms`,
      `checksum: ${checksum}`,
      '',
    ].join('\n'),
  );
}

main();
