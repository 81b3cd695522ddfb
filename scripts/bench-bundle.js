// Measures what the Case Studies plugin adds to the demo app's production
// bundle: builds packages/app with bundle stats, then reports every chunk that
// holds the plugin's own code or libraries only the plugin brings (zod, yaml),
// raw and gzipped. Shared Backstage, React and MUI chunks are not counted.
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
const OWN = [
  'plugins/case-studies/',
  'plugins/case-studies-common/',
  'node_modules/zod/',
  'node_modules/yaml/',
];
const ownChunks = new Map();
for (const module of stats.modules) {
  const name = module.name ?? '';
  const owner = OWN.find(prefix => name.includes(prefix));
  if (!owner) continue;
  for (const chunk of module.chunks ?? []) {
    if (!ownChunks.has(String(chunk))) ownChunks.set(String(chunk), new Set());
    ownChunks.get(String(chunk)).add(owner);
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
    rows.push({ file, raw, gzip, shared, initial: chunk.initial, owners });
    if (!shared) {
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
      }`,
  );
}
console.log(
  `Case Studies plugin chunks: ${kb(totalRaw)} raw, ${kb(totalGzip)} gzipped`,
);
