// GraphiQL in a real browser against a running gateway with real subgraphs, as a front-end developer uses it:
// the default query runs and its plan shows as a tree, a query typed with autocompletion runs, a mutation goes out
// with a token from the headers editor, history survives a reload, and no request leaves 127.0.0.1.
//
//   GATEWAY_URL=http://127.0.0.1:8080 GRAPHQL_TOKEN=... node graphiql.mjs
//
// GRAPHQL_TOKEN is the one credential: what the services accept as `Authorization: Bearer <token>` for mutations.
// SCREENSHOT_DIR (default: the current directory) receives graphiql-*.png. CHROMIUM names the browser binary.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const gateway = required('GATEWAY_URL').replace(/\/$/, '');
const token = required('GRAPHQL_TOKEN');
const shots = process.env.SCREENSHOT_DIR || '.';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

function required(name) {
  const v = process.env[name];
  if (!v) {
    console.error(`graphiql test: set ${name}`);
    process.exit(2);
  }
  return v;
}

function step(text) {
  console.log(`[graphiql] ${text}`);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'graphiql-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
  viewport: { width: 1400, height: 900 },
});

// Every request the page (and its workers) makes, and every GraphQL exchange with its answer.
const requested = [];
const exchanges = [];
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  // Anything not on 127.0.0.1 is refused, so a stray CDN link fails here rather than going out.
  return url.hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
});
context.on('request', (r) => requested.push(r.url()));
context.on('response', async (response) => {
  const r = response.request();
  if (r.method() === 'POST' && new URL(r.url()).pathname === '/graphql') {
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: left null, the assertions say so
    }
    exchanges.push({ request: r.postDataJSON(), headers: await r.allHeaders(), status: response.status(), body });
  }
});

const page = context.pages()[0] ?? (await context.newPage());
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));

/** Waits for the next GraphQL answer to an operation (not the schema introspection) after `action`. */
async function answerTo(action) {
  const before = exchanges.length;
  await action();
  const deadline = Date.now() + 30000;
  for (;;) {
    const found = exchanges.slice(before).find((e) => e.request?.operationName !== 'IntrospectionQuery');
    if (found) {
      return found;
    }
    assert.ok(Date.now() < deadline, 'an answer from the gateway within 30 s');
    await page.waitForTimeout(100);
  }
}

const queryEditor = () => page.locator('section.graphiql-query-editor .monaco-editor').first();
const headersEditor = () => page.locator('section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden) .monaco-editor');
const run = () => page.getByRole('button', { name: /Execute query/ }).click();

/** An editor's visible text (Monaco renders spaces as no-break spaces). */
async function textOf(editor) {
  return (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

async function replaceQuery(text) {
  await queryEditor().click();
  await page.keyboard.press(`${mod}+A`);
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

try {
  step(`open ${gateway}/graphiql`);
  await page.goto(`${gateway}/graphiql`);
  await page.locator('.graphiql-container').waitFor();
  await queryEditor().waitFor();
  // The schema arrives by introspection; completion needs it.
  await page.waitForFunction(() => !document.querySelector('.graphiql-spinner'), null, { timeout: 30000 });

  step('the default query (the one the run command prints) runs across both subgraphs');
  const editorText = await textOf(queryEditor());
  assert.match(editorText, /articles\(first: 5\)/, 'the default query is in the editor');
  const headersText = await textOf(headersEditor());
  assert.match(headersText, /Authorization/, 'the headers editor shows how to send a token');
  const first = await answerTo(run);
  assert.equal(first.status, 200);
  assert.equal(first.headers['content-type'], 'application/json', 'GraphiQL posts JSON (a preflighted request)');
  assert.equal(first.headers['apollo-query-plan-experimental'], '1', 'the plan view asks for the plan');
  assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
  const edges = first.body.data.articles.edges;
  assert.ok(edges.length >= 1, 'at least one article');
  assert.ok(edges.some((e) => e.node.entities.length > 0), 'entities from entities-service joined to articles');
  await page.locator('.graphiql-response .view-lines').filter({ hasText: '"articles"' }).waitFor();
  await page.screenshot({ path: join(shots, 'graphiql-1-default-query.png') });

  step('the query plan shows as a tree');
  await page.getByRole('button', { name: 'Show Query plan' }).click();
  const tree = page.getByRole('list', { name: 'query plan' });
  await tree.waitFor();
  assert.ok((await tree.locator('li[data-kind="Sequence"]').count()) >= 1, 'a Sequence node');
  assert.ok((await tree.locator('li[data-kind="Flatten"]').count()) >= 1, 'a Flatten node for the entity fetch');
  const services = await tree.locator('.ng-plan-service').allInnerTexts();
  assert.ok(services.length >= 2, `fetches from both subgraphs: ${services}`);
  assert.equal(new Set(services).size, 2, `two subgraphs named: ${services}`);
  await tree.locator('li[data-kind="Flatten"] summary').first().click();
  const entityFetch = tree.locator('li[data-kind="Flatten"] .ng-plan-operation').first();
  await entityFetch.waitFor();
  assert.match(await entityFetch.innerText(), /_entities/, 'the entity fetch is an _entities call');
  await page.screenshot({ path: join(shots, 'graphiql-2-query-plan.png') });

  step('a query typed with autocompletion');
  await page.getByRole('button', { name: 'New tab' }).click();
  await queryEditor().click();
  await page.keyboard.press(`${mod}+A`);
  await page.keyboard.press('Delete');
  // Monaco closes brackets itself: what is typed here becomes `{ articles(first: 2) { edges { node { title } } } }`.
  await page.keyboard.type('{ articles(first: 2) { edges { node { titl', { delay: 20 });
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'title' }).first();
  await suggestion.waitFor({ timeout: 15000 });
  await page.screenshot({ path: join(shots, 'graphiql-3-autocompletion.png') });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  const typed = await textOf(queryEditor());
  assert.match(typed.replace(/\s+/g, ' '), /node \{ title\b/, `the completion was accepted: ${typed}`);
  const second = await answerTo(run);
  assert.equal(second.body.errors, undefined, JSON.stringify(second.body.errors));
  const typedEdges = second.body.data.articles.edges;
  assert.ok(typedEdges.length >= 1 && typedEdges.length <= 2, 'first: 2 honoured');
  assert.ok(typedEdges.every((e) => typeof e.node.title === 'string' && Object.keys(e.node).length === 1), 'only titles');
  assert.deepEqual(Object.keys(second.body.extensions.queryPlan.node), ['kind', 'serviceName', 'variableUsages', 'operation']);

  step('a mutation with a token from the headers editor');
  await page.getByRole('button', { name: 'New tab' }).click();
  const externalId = `graphiql-browser-${Date.now()}`;
  // Two operations in one document: run from outside the editor, GraphiQL asks which one, and sends its name.
  await replaceQuery(`query Recent { articles(first: 1) { edges { node { id } } } }
mutation Ingest { ingestArticle(input: { externalId: "${externalId}", title: "Browser test: Port of Rotterdam", \
body: "Browser test: Port of Rotterdam\\nThe Port of Rotterdam opened a new terminal in the Netherlands on Monday." }) \
{ outcome article { id title processing { state } } } }`);
  await page.getByRole('button', { name: /Prettify query/ }).click();
  await page.getByRole('button', { name: 'Headers' }).click();
  await headersEditor().click();
  await page.keyboard.press(`${mod}+A`);
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
  const third = await answerTo(async () => {
    await run();
    await page.getByRole('menuitem', { name: 'Ingest' }).click();
  });
  assert.equal(third.headers.authorization, `Bearer ${token}`, 'the header from the editor was sent');
  assert.equal(third.request.operationName, 'Ingest', 'the operation name is sent');
  assert.equal(third.body.errors, undefined, JSON.stringify(third.body.errors));
  assert.equal(third.body.data.ingestArticle.outcome, 'CREATED');
  assert.equal(third.body.data.ingestArticle.article.title, 'Browser test: Port of Rotterdam');
  await page.locator('.graphiql-response .view-lines').filter({ hasText: 'CREATED' }).waitFor();
  await page.screenshot({ path: join(shots, 'graphiql-4-mutation.png') });

  step('history survives a reload');
  await page.reload();
  await page.locator('.graphiql-container').waitFor();
  await page.getByRole('button', { name: 'Show History' }).click();
  const history = page.locator('.graphiql-history-item');
  await history.first().waitFor();
  const labels = await history.allInnerTexts();
  assert.ok(labels.some((l) => l.includes('Ingest')), `the mutation is in the history: ${labels}`);
  assert.ok(labels.length >= 3, `three operations in the history: ${labels}`);
  await page.screenshot({ path: join(shots, 'graphiql-5-history.png') });

  step('nothing left 127.0.0.1');
  const outside = requested.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1');
  assert.deepEqual(outside, [], 'requests to other hosts');
  assert.ok(requested.some((u) => u.includes('/graphiql/assets/') && u.includes('worker')), 'Monaco workers from the gateway');
  assert.deepEqual(pageErrors, [], 'errors thrown in the page');
  step(`passed: ${requested.length} requests, all to 127.0.0.1; screenshots in ${shots}`);
} catch (e) {
  await page.screenshot({ path: join(shots, 'graphiql-failure.png') }).catch(() => {});
  console.error('[graphiql] FAILED:', e);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
