// @apollo/gateway over a supergraph file: the reference for differential tests and benchmarks.
//
//   node reference-gateway.mjs --supergraph supergraph.graphql [--port 4000] [--host 127.0.0.1]
//
// Serves POST /graphql; GET /health answers 200 once the gateway has loaded.
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? 4000);
const host = args.host ?? '127.0.0.1';
if (!args.supergraph) {
  console.error('usage: node reference-gateway.mjs --supergraph FILE [--port N] [--host H]');
  process.exit(2);
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(args.supergraph, 'utf8'),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request, context }) {
        // Pass the caller's credentials and trace context on, as the newsgraph gateway does.
        for (const h of ['authorization', 'traceparent']) {
          if (context?.headers?.[h]) request.http.headers.set(h, context.headers[h]);
        }
      },
    }),
});
const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
await server.start();

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}');
      return;
    }
    if (!req.url.startsWith('/graphql')) {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body;
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"malformed JSON"}]}');
        return;
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      try {
        const result = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method, headers, search: new URL(req.url, 'http://x').search, body },
          context: async () => ({ headers: req.headers }),
        });
        const out = {};
        for (const [k, v] of result.headers) out[k] = v;
        res.writeHead(result.status ?? 200, out);
        if (result.body.kind === 'complete') res.end(result.body.string);
        else {
          for await (const chunk of result.body.asyncIterator) res.write(chunk);
          res.end();
        }
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(e) }] }));
      }
    });
  })
  .listen(port, host, () => console.log(`reference gateway on http://${host}:${port}/graphql`));
