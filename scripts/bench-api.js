// Load test of the guidance endpoint against the running demo backend
// (start it with `bash scripts/demo.sh`). Prints requests/s and latency
// percentiles at 50 concurrent connections. Requests carry the
// Accept-Encoding header Chromium sends, as the tab's own requests do;
// `--accept-encoding identity` measures uncompressed responses.
//
//   yarn bench:api [--duration 20] [--connections 50] [--entity component/default/payments-monolith]
//                  [--accept-encoding 'gzip, deflate, br']
const autocannon = require('autocannon');
const { parseArgs } = require('util');

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'http://127.0.0.1:7007' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    entity: { type: 'string', default: 'component/default/payments-monolith' },
    'accept-encoding': { type: 'string', default: 'gzip, deflate, br' },
  },
});

async function guestToken(backend) {
  const response = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `Cannot sign in as guest at ${backend}: ${response.status}`,
    );
  }
  return (await response.json()).backstageIdentity.token;
}

async function main() {
  const token = await guestToken(values.backend);
  const url = `${values.backend}/api/case-studies/entities/${values.entity}/guidance`;
  const headers = {
    Authorization: `Bearer ${token}`,
    'Accept-Encoding': values['accept-encoding'],
  };

  const check = await fetch(url, { headers });
  if (!check.ok) throw new Error(`GET ${url} answered ${check.status}`);
  const encoding = check.headers.get('content-encoding') ?? 'identity';

  // Warm up the JIT and the catalog's caches before measuring.
  await autocannon({ url, headers, connections: 10, duration: 3 });
  const result = await autocannon({
    url,
    headers,
    connections: Number(values.connections),
    duration: Number(values.duration),
  });

  const { latency, requests } = result;
  console.log(`GET ${url}`);
  console.log(
    `Accept-Encoding: ${values['accept-encoding']} -> ${encoding}, ${(
      result.throughput.total /
      Math.max(1, result.requests.total) /
      1024
    ).toFixed(1)} KB read per response`,
  );
  console.log(
    `${values.connections} connections, ${values.duration} s: ${result.requests.total} requests, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors`,
  );
  console.log(
    `requests/s: ${requests.average.toFixed(0)} (mean)  latency ms: p50 ${
      latency.p50
    }  p90 ${latency.p90}  p99 ${latency.p99}  max ${latency.max}`,
  );
  if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
