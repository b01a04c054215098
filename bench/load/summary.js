// Prints requests per second, latency percentiles and errors of Artillery JSON reports, per run and per page.
const fs = require('fs');
for (const file of process.argv.slice(2)) {
  const { aggregate } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const c = aggregate.counters, s = aggregate.summaries, r = aggregate.rates || {};
  const total = c['http.requests'] || 0;
  const errors = Object.entries(c).filter(([k]) => k.startsWith('errors.') || /http\.codes\.5/.test(k));
  const codes = Object.entries(c).filter(([k]) => k.startsWith('http.codes.')).map(([k, v]) => `${k.slice(11)}×${v}`).join(' ');
  const rt = s['http.response_time'] || {};
  console.log(`\n${file}: ${total} requests, ${r['http.request_rate'] ?? '?'} req/s, p50 ${rt.median} ms, p95 ${rt.p95} ms, p99 ${rt.p99} ms; codes ${codes}; errors ${errors.map(([k, v]) => `${k}×${v}`).join(' ') || 'none'}`);
  for (const [key, v] of Object.entries(s).filter(([k]) => k.startsWith('plugins.metrics-by-endpoint.response_time.'))) {
    console.log(`  ${key.slice('plugins.metrics-by-endpoint.response_time.'.length).padEnd(28)} p50 ${v.median} p95 ${v.p95} p99 ${v.p99} ms (${v.count})`);
  }
}
