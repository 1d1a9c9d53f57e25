import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './explorer.css';
// The query `./newsgraph run` prints, so that what people read there is what they see here.
import defaultQuery from '../../../../../samples/welcome-query.graphql?raw';
import { planAwareFetch } from './queryPlan.js';
import { queryPlanPlugin } from './QueryPlanPlugin.jsx';

// Plain JSON POSTs to the gateway on this page's origin (CORS preflighted, so the gateway's CSRF rule admits them).
const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  fetch: planAwareFetch,
  enableIncrementalDelivery: false,
});

// JSON with comments: GraphiQL ignores the comment until a line is uncommented.
const defaultHeaders = `{
  // Mutations need an editor's token. With \`./newsgraph run\`, the run prints how to get one;
  // uncomment the next line and paste it after "Bearer ".
  // "Authorization": "Bearer <token>"
}`;

const plugins = [HISTORY_PLUGIN, explorerPlugin(), queryPlanPlugin];

createRoot(document.getElementById('root')).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={plugins}
    defaultQuery={defaultQuery}
    defaultHeaders={defaultHeaders}
    defaultEditorToolsVisibility="headers"
  >
    <GraphiQL.Logo>newsgraph</GraphiQL.Logo>
  </GraphiQL>,
);
