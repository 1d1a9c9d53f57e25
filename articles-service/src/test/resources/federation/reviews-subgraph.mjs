// A second subgraph for the composition test: it extends Article by key with reviewCount, and returns Article
// references (ids from REVIEWED_IDS) so the gateway must resolve them through articles-service's _entities.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const ids = (process.env.REVIEWED_IDS ?? '').split(',').filter(Boolean);
const reviewCount = (id) => id.replace(/[^0-9]/g, '').length;
const schema = buildSubgraphSchema({
  typeDefs: parse(readFileSync(new URL('./reviews.graphql', import.meta.url), 'utf8')),
  resolvers: {
    Query: { topReviewed: () => ids.map((id) => ({ __typename: 'Article', id })) },
    Article: {
      __resolveReference: (ref) => ({ id: ref.id }),
      reviewCount: (article) => reviewCount(article.id),
    },
  },
});

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const result = await graphql({ schema, source: body.query, variableValues: body.variables, operationName: body.operationName });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
