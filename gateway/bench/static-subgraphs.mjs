// Subgraphs that cost (almost) nothing, for the gateway benchmark: each port stands for one subgraph and answers
// from memory. The first time a request body is seen it is forwarded to the real subgraph and its answer kept;
// every later identical body gets the kept bytes back without any GraphQL work. The benchmark sends each distinct
// body once before measuring, so measured requests never reach the real subgraphs, which then sit idle.
//
//   node static-subgraphs.mjs name=http://upstream/graphql@PORT [...]
//
// Prints one line {"name": "http://127.0.0.1:PORT/graphql", ...} once all listen; GET /stats on any port answers
// {"hits": N, "misses": M} for that subgraph. Listens on 127.0.0.1 only.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function serve(upstream) {
  const kept = new Map();
  const stats = { hits: 0, misses: 0 };
  return http.createServer((req, res) => {
    if (req.url === '/stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = kept.get(body);
      if (answer) {
        stats.hits++;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length }).end(answer);
        return;
      }
      stats.misses++;
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const forward = http.request(upstream, { method: 'POST', headers, agent }, (up) => {
        const parts = [];
        up.on('data', (c) => parts.push(c));
        up.on('end', () => {
          const bytes = Buffer.concat(parts);
          if (up.statusCode === 200 && kept.size < 10000) kept.set(body, bytes);
          res.writeHead(up.statusCode, { 'content-type': 'application/json', 'content-length': bytes.length }).end(bytes);
        });
      });
      forward.on('error', (e) => res.writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: `upstream: ${e.message}` }] })));
      forward.end(body);
    });
  });
}

const urls = {};
await Promise.all(process.argv.slice(2).map((spec) => new Promise((resolve, reject) => {
  const m = /^([^=]+)=(.+)@(\d+)$/.exec(spec);
  if (!m) reject(new Error(`expected name=upstream@port, got ${spec}`));
  const [, name, upstream, port] = m;
  const server = serve(upstream);
  server.keepAliveTimeout = 60000;
  server.listen(Number(port), '127.0.0.1', () => {
    urls[name] = `http://127.0.0.1:${port}/graphql`;
    resolve();
  });
})));
console.log(JSON.stringify(urls));
