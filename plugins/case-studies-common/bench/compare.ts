/**
 * Paired comparison of two copies of the engine (a baseline checkout and a
 * candidate) in one process, over the bench catalog. Not part of the package
 * API; `scripts/bench-match-compare.sh` runs it.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/compare.ts \
 *     <baseline src dir> <candidate src dir> [--pairs 12] [--candidate-first]
 *
 * With `--pairs 0` it only compares the guidance.
 *
 * On a shared VM, separate bench runs vary by ±10 % or more, which hides the
 * few per cent a change is worth. Here the two copies take turns, one round
 * each, so both see the same machine; the figure is the median of the
 * per-pair speed ratios. The copy loaded first runs a few per cent faster in
 * one process, so the script runs both load orders and combines them.
 *
 * It also checks that both copies give the same guidance for every entity.
 */
import { parseArgs } from 'util';
import { generateCatalog, Sample, seededRandom } from './catalog';
import { Engine, loadEngine, runCatalog } from './engine';

type EngineName = 'baseline' | 'candidate';

function roundMs(engine: Engine, catalog: Sample[]): number {
  const started = process.hrtime.bigint();
  runCatalog(engine, catalog);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function quantile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))
  ];
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pairs: { type: 'string', default: '12' },
      'candidate-first': { type: 'boolean', default: false },
    },
  });
  const [baselineDir, candidateDir] = positionals;
  if (!baselineDir || !candidateDir) {
    throw new Error(
      'usage: compare.ts <baseline src> <candidate src> [--pairs n] [--candidate-first]',
    );
  }
  const pairs = Number(values.pairs);
  // The copy loaded first runs a little faster, so the order is the caller's.
  const loadOrder: EngineName[] = values['candidate-first']
    ? ['candidate', 'baseline']
    : ['baseline', 'candidate'];
  const srcDirs = { baseline: baselineDir, candidate: candidateDir };
  const engines = loadOrder.map(name => loadEngine(name, srcDirs[name]));
  const catalog = generateCatalog(10_000, seededRandom(20250101));

  let differing = 0;
  for (const sample of catalog) {
    const [a, b] = engines.map(engine =>
      JSON.stringify(
        engine.guidance(
          engine.profile(sample.entity, sample.neighbours),
          engine.knowledge,
        ),
      ),
    );
    if (a !== b) differing++;
  }
  if (pairs === 0) {
    process.stdout.write(`entities whose guidance differs: ${differing}\n`);
    return;
  }

  for (let pass = 0; pass < 3; pass++) {
    for (const engine of engines) roundMs(engine, catalog);
  }
  const ratios: number[] = [];
  const rates: Record<EngineName, number[]> = {
    baseline: [],
    candidate: [],
  };
  for (let pair = 0; pair < pairs; pair++) {
    // Alternate which copy goes first within the pair, too.
    const order = pair % 2 === 0 ? engines : [...engines].reverse();
    const ms: Record<string, number> = {};
    for (const engine of order) ms[engine.name] = roundMs(engine, catalog);
    ratios.push(ms.baseline / ms.candidate);
    rates.baseline.push((catalog.length / ms.baseline) * 1000);
    rates.candidate.push((catalog.length / ms.candidate) * 1000);
  }

  process.stdout.write(
    [
      `${engines[0].name} loaded first, ${pairs} pairs of rounds over ${catalog.length} entities, node ${process.version}`,
      `entities/s, median round: baseline ${Math.round(
        quantile(rates.baseline, 0.5),
      )}, candidate ${Math.round(quantile(rates.candidate, 0.5))}`,
      `candidate speed / baseline speed: median ${quantile(ratios, 0.5).toFixed(
        3,
      )} (quartiles ${quantile(ratios, 0.25).toFixed(3)}–${quantile(
        ratios,
        0.75,
      ).toFixed(3)})`,
      `entities whose guidance differs: ${differing}`,
      `ratio ${quantile(ratios, 0.5)}`,
      '',
    ].join('\n'),
  );
}

main();
