// Measures what the Case Studies plugin adds to the demo app's production
// bundle: builds packages/app with bundle stats, then reports every chunk that
// holds the plugin's own code or a library the common package depends on (zod,
// yaml), raw and gzipped. A library chunk is counted only when emitted plugin
// code imports it: Backstage itself imports zod/v3 (sign-in and auth session
// schemas) and yaml (the catalog's "Inspect entity" dialog), so those chunks
// are there with or without the plugin. Shared Backstage, React and MUI chunks
// are not counted.
//
//   yarn bench:bundle [--no-build]
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const appDir = path.resolve(__dirname, '..', 'packages', 'app');
const dist = path.join(appDir, 'dist');

if (!process.argv.includes('--no-build')) {
  execFileSync('yarn', ['backstage-cli', 'package', 'build', '--stats'], {
    cwd: appDir,
    stdio: 'inherit',
  });
}

const stats = JSON.parse(
  fs.readFileSync(path.join(dist, 'bundle-stats.json'), 'utf8'),
);
const PLUGIN = ['plugins/case-studies/', 'plugins/case-studies-common/'];
const LIBRARIES = ['node_modules/zod/', 'node_modules/yaml/'];
const OWN = [...PLUGIN, ...LIBRARIES];

// Identifiers of every module that made it into a chunk, including the ones
// concatenated into another module.
const emitted = new Set();
for (const module of stats.modules) {
  if (!module.chunks?.length) continue;
  emitted.add(module.identifier);
  for (const inner of module.modules ?? []) emitted.add(inner.identifier);
}
// Whether emitted plugin code imports this module (or, for a concatenated
// module, any module inside it).
const importedByPlugin = module =>
  [module, ...(module.modules ?? [])].some(m =>
    (m.reasons ?? []).some(
      reason =>
        reason.active !== false &&
        emitted.has(reason.resolvedModuleIdentifier) &&
        PLUGIN.some(prefix => reason.resolvedModuleIdentifier.includes(prefix)),
    ),
  );

const ownChunks = new Map();
const libraryChunksUsed = new Set();
for (const module of stats.modules) {
  const name = module.name ?? '';
  const owner = OWN.find(prefix => name.includes(prefix));
  if (!owner) continue;
  const used = LIBRARIES.includes(owner) && importedByPlugin(module);
  for (const chunk of module.chunks ?? []) {
    if (!ownChunks.has(String(chunk))) ownChunks.set(String(chunk), new Set());
    ownChunks.get(String(chunk)).add(owner);
    if (used) libraryChunksUsed.add(String(chunk));
  }
}

let totalRaw = 0;
let totalGzip = 0;
const rows = [];
for (const chunk of stats.chunks) {
  const owners = ownChunks.get(String(chunk.id));
  if (!owners) continue;
  for (const file of chunk.files.filter(f => f.endsWith('.js'))) {
    const content = fs.readFileSync(path.join(dist, file));
    const raw = content.length;
    const gzip = zlib.gzipSync(content).length;
    // main.js is the app's own entry chunk, shared with everything else.
    const shared = /\/main\.[0-9a-f]+\.js$/.test(file);
    // a library chunk that only Backstage's own code imports
    const notPlugin =
      [...owners].every(owner => LIBRARIES.includes(owner)) &&
      !libraryChunksUsed.has(String(chunk.id));
    rows.push({
      file,
      raw,
      gzip,
      shared,
      notPlugin,
      initial: chunk.initial,
      owners,
    });
    if (!shared && !notPlugin) {
      totalRaw += raw;
      totalGzip += gzip;
    }
  }
}

const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;
for (const row of rows) {
  console.log(
    `${row.file.padEnd(45)} ${kb(row.raw).padStart(9)} ${kb(row.gzip).padStart(
      9,
    )} gzip  ` +
      `${row.initial ? 'initial' : 'lazy   '} ${[...row.owners].join(', ')}${
        row.shared ? '  (shared entry chunk, not counted)' : ''
      }${row.notPlugin ? '  (not imported by the plugin, not counted)' : ''}`,
  );
}
console.log(
  `Case Studies plugin chunks: ${kb(totalRaw)} raw, ${kb(totalGzip)} gzipped`,
);
