import { useSyncExternalStore } from 'react';
import { planStore } from './queryPlan.js';

// A GraphiQL plugin that shows the last operation's query plan as a tree: Sequence and Parallel nodes hold
// their children, Flatten names the path the entity fetch merges into, Fetch names the subgraph and shows
// the operation sent to it (collapsed, click to open).

function PlanIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <rect x="9" y="2" width="6" height="5" rx="1" />
      <rect x="2" y="17" width="6" height="5" rx="1" />
      <rect x="16" y="17" width="6" height="5" rx="1" />
      <path d="M12 7v5M5 17v-5h14v5" />
    </svg>
  );
}

function FetchNode({ node }) {
  return (
    <details className="ng-plan-fetch">
      <summary>
        <span className="ng-plan-kind">Fetch</span> <span className="ng-plan-service">{node.serviceName}</span>
        {node.variableUsages?.length ? <span className="ng-plan-vars"> ({node.variableUsages.map((v) => '$' + v).join(', ')})</span> : null}
      </summary>
      <pre className="ng-plan-operation">{node.operation}</pre>
    </details>
  );
}

export function PlanNode({ node }) {
  if (!node) {
    return null;
  }
  switch (node.kind) {
    case 'Fetch':
      return (
        <li data-kind="Fetch">
          <FetchNode node={node} />
        </li>
      );
    case 'Flatten':
      return (
        <li data-kind="Flatten">
          <span className="ng-plan-kind">Flatten</span> <code className="ng-plan-path">{node.path.join('.')}</code>
          <ul>
            <PlanNode node={node.node} />
          </ul>
        </li>
      );
    case 'Sequence':
    case 'Parallel':
      return (
        <li data-kind={node.kind}>
          <span className="ng-plan-kind">{node.kind}</span>
          <ul>
            {node.nodes.map((child, i) => (
              <PlanNode key={i} node={child} />
            ))}
          </ul>
        </li>
      );
    default:
      return (
        <li data-kind={node.kind}>
          <span className="ng-plan-kind">{String(node.kind)}</span>
        </li>
      );
  }
}

function PlanContent() {
  const { plan, enabled, operationName } = useSyncExternalStore(planStore.subscribe, planStore.get);
  return (
    <div className="ng-plan">
      <div className="graphiql-doc-explorer-title">Query plan</div>
      <label className="ng-plan-toggle">
        <input type="checkbox" checked={enabled} onChange={(e) => planStore.setEnabled(e.target.checked)} /> ask the gateway for
        the plan (header <code>Apollo-Query-Plan-Experimental: 1</code>)
      </label>
      {plan?.node ? (
        <>
          {operationName ? <p className="ng-plan-op">Operation {operationName}</p> : null}
          <ul className="ng-plan-tree" aria-label="query plan">
            <PlanNode node={plan.node} />
          </ul>
        </>
      ) : (
        <p className="ng-plan-empty">
          {enabled ? 'Run an operation to see how the gateway splits it across the subgraphs.' : 'The plan is switched off.'}
        </p>
      )}
    </div>
  );
}

export const queryPlanPlugin = {
  title: 'Query plan',
  icon: PlanIcon,
  content: PlanContent,
};
