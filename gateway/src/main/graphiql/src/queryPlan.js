// The gateway returns the plan of an operation in `extensions.queryPlan` when the request carries
// `Apollo-Query-Plan-Experimental: 1` (as @apollo/gateway does). This module adds that header to the explorer's
// requests while the plan view is switched on, and keeps the last plan for the view to show.

export const PLAN_HEADER = 'Apollo-Query-Plan-Experimental';
const ENABLED_KEY = 'newsgraph:queryPlan:enabled';

const listeners = new Set();
let state = { plan: null, operationName: null, enabled: readEnabled() };

function readEnabled() {
  try {
    return localStorage.getItem(ENABLED_KEY) !== 'false';
  } catch {
    return true;
  }
}

function update(next) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export const planStore = {
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => state,
  setEnabled(enabled) {
    try {
      localStorage.setItem(ENABLED_KEY, String(enabled));
    } catch {
      // private mode: the choice lasts for this page only
    }
    update({ enabled });
  },
};

/** A `fetch` for GraphiQL's fetcher: asks for the plan and records it from the answer. */
export function planAwareFetch(input, init = {}) {
  const body = typeof init.body === 'string' ? safeParse(init.body) : null;
  const introspection = body?.operationName === 'IntrospectionQuery';
  const headers = new Headers(init.headers);
  if (state.enabled && !introspection) {
    headers.set(PLAN_HEADER, '1');
  }
  return fetch(input, { ...init, headers }).then((response) => {
    if (!introspection) {
      response
        .clone()
        .json()
        .then((json) => update({ plan: json?.extensions?.queryPlan ?? null, operationName: body?.operationName ?? null }))
        .catch(() => update({ plan: null, operationName: null }));
    }
    return response;
  });
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
