// Composes a Federation v2 supergraph SDL from subgraphs, as `rover supergraph compose` would.
//
//   node compose.mjs name=http://127.0.0.1:8081/graphql name2=path/to/schema.graphql [--out supergraph.graphql]
//
// A subgraph given by URL is asked for `_service { sdl }`; that URL is also the routing URL written into the
// supergraph unless a routing URL is given as name=source@routingUrl. Exit code 1 with composition errors on stderr.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFile, writeFile } from 'node:fs/promises';

const args = process.argv.slice(2);
let out = null;
const specs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else specs.push(args[i]);
}
if (specs.length === 0) {
  console.error('usage: node compose.mjs name=url|file[@routingUrl] ... [--out file]');
  process.exit(2);
}

async function sdlOf(source) {
  if (/^https?:/.test(source)) {
    const res = await fetch(source, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const body = await res.json();
    if (!body.data?._service?.sdl) throw new Error(`${source}: no _service.sdl in ${JSON.stringify(body)}`);
    return body.data._service.sdl;
  }
  return readFile(source, 'utf8');
}

const services = [];
for (const spec of specs) {
  const eq = spec.indexOf('=');
  const name = spec.slice(0, eq);
  let source = spec.slice(eq + 1);
  let url = source;
  const at = source.lastIndexOf('@');
  if (at > 0 && !source.startsWith('@')) {
    url = source.slice(at + 1);
    source = source.slice(0, at);
  }
  services.push({ name, url, typeDefs: parse(await sdlOf(source)) });
}

const result = composeServices(services);
if (result.errors && result.errors.length) {
  for (const e of result.errors) console.error(e.toString());
  process.exit(1);
}
if (out) await writeFile(out, result.supergraphSdl);
else process.stdout.write(result.supergraphSdl);
