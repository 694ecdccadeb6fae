import type { TraceEntry } from '../engine/types';
import { toggleOf } from '../scenario/options';
import { useSimStore, useSim } from '../store/react';
import type { RunHandle } from '../store/simStore';
import { ROLE_LOOK } from '../view/palette';
import { FieldList } from './inspector/FieldList';
import { DropList } from './live/DropList';
import { LinkLiveControls, MessageLiveControls, NodeLiveControls } from './live/LiveControls';

function labelOf(run: RunHandle, msg: { kind: string } | undefined): string {
  if (!msg) return '—';
  return run.sim.algorithm.label?.(msg) ?? msg.kind;
}

const when = (run: RunHandle, t: number) => `${run.sim.timing.mode === 'sync' ? 'round' : 'time'} ${t}`;

function NodeInspector({ id, run }: { id: number; run: RunHandle }) {
  const store = useSimStore();
  const r = run.replay;
  const pos = r.positionOf(id);
  if (pos < 0) return <p>Node {id} is not in this run.</p>;
  const role = r.roles[pos]!;
  const state = r.states[pos];
  const described = state === null || state === undefined ? null : run.sim.algorithm.describe(state);
  const received = r.findBack((e) => e.node === id && (e.kind === 'deliver' || e.kind === 'drop'));
  const sent = r.findBack((e) => e.node === id && e.sends.length > 0);
  const toggle = toggleOf(run.spec.algorithm)?.spec.toggle;
  return (
    <div>
      <h3>
        Node {id} <span className={`role-tag role-${role}`}>{ROLE_LOOK[role].label}</span>
      </h3>
      {described ? (
        <FieldList fields={Object.entries(described)} label={`State of node ${id}`} />
      ) : (
        <p className="muted">
          {role === 'crashed' ? 'Crashed: it never ran.' : 'Not started yet (no state).'}
        </p>
      )}
      <p>
        <span className="label">Last received</span>{' '}
        {received ? (
          <StepRef run={run} e={received} what={`${labelOf(run, received.msg)} from ${received.from}`} />
        ) : (
          '—'
        )}
      </p>
      <p>
        <span className="label">Last sent</span>{' '}
        {sent ? (
          <StepRef
            run={run}
            e={sent}
            what={
              sent.sends
                .slice(0, 3)
                .map((m) => `${labelOf(run, m.msg)} → ${m.to}`)
                .join(', ') + (sent.sends.length > 3 ? ` (+${sent.sends.length - 3})` : '')
            }
          />
        ) : (
          '—'
        )}
      </p>
      <NodeLiveControls id={id} run={run} />
      {toggle && (
        <button
          type="button"
          onClick={() => store.getState().toggleNode(id)}
          title="Changes the scenario from the start and restarts the run (or double-click the node)"
        >
          Toggle {toggle.noun} (restarts)
        </button>
      )}
    </div>
  );
}

function StepRef({ run, e, what }: { run: RunHandle; e: TraceEntry; what: string }) {
  return (
    <span>
      {what}{' '}
      <span className="muted">
        at {when(run, e.time)}, step {e.step}
      </span>
    </span>
  );
}

function MessageInspector({ seq, run }: { seq: number; run: RunHandle }) {
  const store = useSimStore();
  const r = run.replay;
  const m = r.message(seq);
  if (!m) return <p>That message is not in the recorded run.</p>;
  const delivered = r.deliveryStep(seq);
  const arrived = delivered !== null && delivered <= r.step;
  const dropped = delivered !== null && run.sim.trace[delivered - 1]?.kind === 'drop';
  const state =
    m.sendStep > r.step
      ? 'not sent yet'
      : !arrived
        ? 'in flight'
        : dropped
          ? `lost at step ${delivered}${m.lost ? ' (in the network)' : ' (receiver crashed)'}`
          : `delivered at step ${delivered}`;
  return (
    <div>
      <h3>
        Message <code>{labelOf(run, m.msg)}</code>
      </h3>
      <FieldList
        label="Message"
        fields={[
          ['from → to', `${m.from} → ${m.to}`],
          ['sent', `${when(run, m.sendTime)} (step ${m.sendStep})`],
          ['delivery', when(run, m.deliverAt)],
          ['status', state],
          ...(m.copy ? [['copy', 'the network’s second copy (C26)'] as [string, string]] : []),
        ]}
      />
      <MessageLiveControls seq={seq} run={run} />
      <h4 className="inspector-sub">Content</h4>
      <FieldList label="Message content" fields={Object.entries(m.msg)} />
      {delivered !== null && (
        <button type="button" onClick={() => store.getState().seek(delivered)}>
          Go to its delivery (step {delivered})
        </button>
      )}
    </div>
  );
}

function LinkInspector({ a, b, run }: { a: number; b: number; run: RunHandle }) {
  const r = run.replay;
  if (r.positionOf(a) < 0 || r.positionOf(b) < 0) return <p>That link is not in this run.</p>;
  return (
    <div>
      <h3>
        Link {a}–{b}
      </h3>
      <LinkLiveControls a={a} b={b} run={run} />
    </div>
  );
}

/** What is selected in the graph: a node's state and traffic, or a message's content and times. */
export function Inspector() {
  const store = useSimStore();
  useSim((s) => s.version);
  const selection = useSim((s) => s.selection);
  const run = store.getState().run;
  return (
    <section className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {selection === null && (
        <p className="muted">Click a node, a link or a message in the graph to inspect it.</p>
      )}
      {selection?.kind === 'node' && <NodeInspector id={selection.id} run={run} />}
      {selection?.kind === 'message' && <MessageInspector seq={selection.seq} run={run} />}
      {selection?.kind === 'link' && <LinkInspector a={selection.a} b={selection.b} run={run} />}
      <DropList />
    </section>
  );
}
