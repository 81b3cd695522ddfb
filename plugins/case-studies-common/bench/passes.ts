/**
 * Profile + guidance over the bench catalog for a number of passes, with one
 * copy of the engine: what `scripts/bench-match-compare.sh --instructions`
 * runs under valgrind to count instructions. Not part of the package API.
 *
 *   node --single-threaded --require @backstage/cli/config/nodeTransform.cjs \
 *     bench/passes.ts <src dir> <entities> <passes>
 */
import { generateCatalog, seededRandom } from './catalog';
import { loadEngine, runCatalog } from './engine';

const [srcDir, entities, passes] = process.argv.slice(2);
if (!srcDir || !(Number(entities) > 0) || !(Number(passes) >= 0)) {
  throw new Error('usage: passes.ts <src dir> <entities> <passes>');
}
const engine = loadEngine('engine', srcDir);
const catalog = generateCatalog(Number(entities), seededRandom(20250101));
for (let pass = 0; pass < Number(passes); pass++) runCatalog(engine, catalog);
process.stdout.write(`sink ${engine.sink}\n`);
