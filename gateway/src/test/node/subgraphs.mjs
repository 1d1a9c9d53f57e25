// Small federated subgraphs for the gateway's tests and benchmark: products, reviews, accounts, inventory.
//
//   node subgraphs.mjs [--port-base N]      (0 or absent: random free ports)
//
// Prints one JSON line {"products": "http://127.0.0.1:PORT/graphql", ...} once all listen. Each server also
// answers GET /stats (requests received, the representations of every _entities request, the
// last authorization/traceparent headers) and
// POST /stats (resets them; POST /stats?delay=MS also makes every later GraphQL answer wait MS milliseconds, so that
// tests can have requests in flight at the same time). Listens on 127.0.0.1 only.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const tools = new URL('../../../../tools/federation/', import.meta.url);
const require = createRequire(new URL('package.json', tools));
const { buildSubgraphSchema } = require('@apollo/subgraph');
const { parse, validate, execute, GraphQLError } = require('graphql');

const sdl = (name) => parse(readFileSync(new URL(`../resources/federation/${name}.graphql`, import.meta.url), 'utf8'));

const products = [
  { upc: '1', name: 'Table', price: 899, weight: 100, internalCode: 'T-1' },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000, internalCode: 'C-2' },
  { upc: '3', name: 'Chair', price: 54, weight: 50, internalCode: 'CH-3' },
];
const media = [
  { __typename: 'Book', id: 'b1', title: 'Dune', pages: 412 },
  { __typename: 'Movie', id: 'm1', title: 'Alien', minutes: 117 },
];
const users = [
  { id: 'u1', name: 'Ada Lovelace', username: '@ada', email: 'ada@example.org' },
  { id: 'u2', name: 'Alan Turing', username: '@alan', email: 'alan@example.org' },
];
const reviews = [
  { id: 'r1', body: 'Love it', product: '1', author: 'u1' },
  { id: 'r2', body: 'Too expensive', product: '1', author: 'u2' },
  { id: 'r3', body: 'Could be better', product: '2', author: 'u1' },
  { id: 'r4', body: 'Prefer the couch', product: '3', author: 'u2' },
  { id: 'r5', body: 'A classic', book: 'b1', author: 'u1' },
];
const inventory = { 1: true, 2: false, 3: true };
const reviewOut = (r) => ({ ...r, __typename: 'Review' });

const resolvers = {
  products: {
    Query: {
      topProducts: (_, { first }) => products.slice(0, first),
      product: (_, { upc }) => products.find((p) => p.upc === upc) ?? null,
      media: () => media,
      search: (_, { term }) => [...products.map((p) => ({ ...p, __typename: 'Product' })), ...media]
        .filter((x) => (x.name ?? x.title).toLowerCase().includes(term.toLowerCase())),
    },
    Product: { __resolveReference: (ref) => products.find((p) => p.upc === ref.upc) ?? null },
    Book: { __resolveReference: (ref) => media.find((m) => m.id === ref.id) ?? null },
    Movie: { __resolveReference: (ref) => media.find((m) => m.id === ref.id) ?? null },
    Media: { __resolveType: (m) => m.__typename },
    SearchResult: { __resolveType: (x) => x.__typename },
  },
  reviews: {
    Query: { latestReviews: () => reviews.map(reviewOut) },
    Review: {
      __resolveReference: (ref) => reviews.find((r) => r.id === ref.id),
      author: (r) => ({ id: r.author, username: users.find((u) => u.id === r.author).username }),
      product: (r) => (r.product ? { upc: r.product } : null),
      flaky: (r) => {
        if (r.id === 'r2') throw new GraphQLError('flaky failed for r2', { extensions: { code: 'FLAKY' } });
        return `ok ${r.id}`;
      },
      strict: (r) => {
        if (r.id === 'r3') throw new GraphQLError('strict failed for r3');
        return `strict ${r.id}`;
      },
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      email: () => 'stale@reviews.example',
      reviews: (u) => reviews.filter((r) => r.author === u.id).map(reviewOut),
    },
    Product: {
      __resolveReference: (ref) => ({ upc: ref.upc }),
      reviews: (p) => reviews.filter((r) => r.product === p.upc).map(reviewOut),
      reviewCount: (p) => reviews.filter((r) => r.product === p.upc).length,
    },
    Book: {
      __resolveReference: (ref) => ({ id: ref.id }),
      reviews: (b) => reviews.filter((r) => r.book === b.id).map(reviewOut),
    },
  },
  accounts: {
    Query: { me: () => users[0], users: () => users },
    User: { __resolveReference: (ref) => users.find((u) => u.id === ref.id) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: (ref) => ({ ...ref }),
      inStock: (p) => inventory[p.upc] ?? false,
      shippingEstimate: (p) => {
        if (p.price === undefined || p.weight === undefined) throw new GraphQLError('price and weight are required');
        return p.price > 1000 ? 0 : Math.round(p.weight * 0.5);
      },
    },
  },
};

function serve(name) {
  const schema = buildSubgraphSchema([{ typeDefs: sdl(name), resolvers: resolvers[name] }]);
  const stats = { requests: 0, entityBatches: [], lastHeaders: {} };
  const documents = new Map();
  let delay = 0;
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/stats')) {
      if (req.method === 'POST') {
        stats.requests = 0;
        stats.entityBatches = [];
        stats.lastHeaders = {};
        delay = Number(new URL(req.url, 'http://localhost').searchParams.get('delay') ?? 0);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      stats.requests++;
      stats.lastHeaders = { authorization: req.headers.authorization, traceparent: req.headers.traceparent };
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"bad json"}]}');
        return;
      }
      if (body.variables?.representations && stats.entityBatches.length < 100) stats.entityBatches.push(body.variables.representations);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      let result;
      try {
        // Gateways send the same few operations again and again: parse and validate each text once.
        let prepared = documents.get(body.query);
        if (!prepared) {
          const document = parse(body.query);
          prepared = { document, errors: validate(schema, document) };
          if (documents.size < 1000) documents.set(body.query, prepared);
        }
        const { document, errors } = prepared;
        result = errors.length ? { errors } : await execute({ schema, document, variableValues: body.variables, contextValue: { headers: req.headers } });
      } catch (e) {
        result = { errors: [{ message: String(e.message ?? e) }] };
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  return server;
}

const base = Number(process.argv[process.argv.indexOf('--port-base') + 1] || 0);
const names = ['products', 'reviews', 'accounts', 'inventory'];
const urls = {};
await Promise.all(names.map((name, i) => new Promise((resolve) => {
  const server = serve(name);
  server.listen(base ? base + i : 0, '127.0.0.1', () => {
    urls[name] = `http://127.0.0.1:${server.address().port}/graphql`;
    resolve();
  });
})));
console.log(JSON.stringify(urls));
