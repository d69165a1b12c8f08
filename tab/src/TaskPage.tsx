import {
  Badge,
  Button,
  Card,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type Api } from './api';
import { Decide } from './Decide';
import { duration, when } from './format';
import { Preview } from './Preview';
import type { TaskPage, TimelineStep } from './types';
import { usePoll } from './usePoll';

const useStyles = makeStyles({
  header: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  section: { marginTop: '24px' },
  timeline: { listStyleType: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  meta: { color: tokens.colorNeutralForeground2 },
  payload: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
});

const STEP_STATUS: Record<string, string> = {
  pending: 'Pending',
  awaiting_approval: 'Waiting for approval',
  approved: 'Approved',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  rejected: 'Rejected',
};

/** A task's page: what waits for me, its timeline, decisions, policy rules and verified ledger. */
export function TaskPageView(props: {
  api: Api;
  taskId: string;
  onBack: () => void;
  onDecided: (message: string) => void;
}) {
  const styles = useStyles();
  const page = usePoll(
    () => props.api.get<TaskPage>(`/api/tab/tasks/${encodeURIComponent(props.taskId)}`),
    [props.api, props.taskId],
  );
  const back = (
    <Button appearance="subtle" onClick={props.onBack}>
      Back to my tasks
    </Button>
  );
  if (page.error && !page.data)
    return (
      <section aria-label="Task">
        {back}
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {page.error instanceof ApiError && page.error.status === 404
              ? 'There is no such task of yours.'
              : 'Could not load this task.'}
          </MessageBarBody>
        </MessageBar>
      </section>
    );
  if (!page.data) return <Spinner label="Loading the task…" />;
  const { task, waiting } = page.data;
  return (
    <article aria-labelledby="task-heading">
      {back}
      <div className={styles.header}>
        <Title2 block as="h2" id="task-heading">
          {task.title}
        </Title2>
        <Badge appearance="tint">{task.statusLabel}</Badge>
      </div>
      <Text block as="p" className={styles.meta}>
        Task {task.id} · asked by {task.requester} · {task.conversation.label} · created {when(task.createdAt)} · plan
        version {task.planVersion}
      </Text>
      <Text block as="p">
        {task.outcome}
      </Text>

      {waiting && (
        <section className={styles.section} aria-labelledby="decide-heading">
          <Title3 block as="h3" id="decide-heading">
            Waiting for your decision
          </Title3>
          <Card>
            <Preview preview={waiting.preview} />
            <Decide
              api={props.api}
              item={waiting}
              onDecided={(message) => {
                props.onDecided(message);
                page.reload();
              }}
            />
          </Card>
        </section>
      )}

      <section className={styles.section} aria-labelledby="timeline-heading">
        <Title3 block as="h3" id="timeline-heading">
          Timeline
        </Title3>
        {page.data.plans.map((p) => (
          <Text block as="p" key={p.version}>
            Plan version {p.version}, {when(p.at)}, by {p.by}: {p.steps.map((s) => s.action).join(', ')}
          </Text>
        ))}
        <ol className={styles.timeline} aria-label="Steps">
          {page.data.steps.map((s) => (
            <li key={s.id}>
              <StepCard step={s} />
            </li>
          ))}
        </ol>
      </section>

      <section className={styles.section} aria-labelledby="decisions-heading">
        <Title3 block as="h3" id="decisions-heading">
          Decisions
        </Title3>
        {page.data.decisions.length === 0 ? (
          <Text block as="p">
            No decisions yet.
          </Text>
        ) : (
          <ul>
            {page.data.decisions.map((d, i) => (
              <li key={i}>
                <Text>
                  {when(d.at)}: {d.who} — {d.verb}
                  {d.step ? ` step ${d.step}` : ' the plan'} (version {d.planVersion})
                  {d.reason ? `: "${d.reason}"` : ''}
                  {d.changed.map((c) => ` · ${c.field}: "${c.from}" → "${c.to}"`).join('')}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby="policy-heading">
        <Title3 block as="h3" id="policy-heading">
          Policy rules that fired
        </Title3>
        {page.data.policy.length === 0 ? (
          <Text block as="p">
            None: the defaults applied.
          </Text>
        ) : (
          <ul>
            {page.data.policy.map((p, i) => (
              <li key={i}>
                <Text>
                  {when(p.at)}
                  {p.step ? `, step ${p.step}` : ''}: {p.rules.join('; ')}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby="ledger-heading">
        <Title3 block as="h3" id="ledger-heading">
          Ledger
        </Title3>
        <Text block as="p">
          {page.data.ledger.every((e) => e.verified === 'ok')
            ? `All ${page.data.ledger.length} entries verified: each hash matches its content and links to the entry before it.`
            : 'Some entries failed verification: see below.'}
          {page.data.ledgerTruncated ? ' Only the first entries are shown; `npm run audit` lists them all.' : ''}
        </Text>
        <Table aria-label="Ledger entries" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '48px' }}>#</TableHeaderCell>
              <TableHeaderCell style={{ width: '130px' }}>Event</TableHeaderCell>
              <TableHeaderCell style={{ width: '130px' }}>Who</TableHeaderCell>
              <TableHeaderCell style={{ width: '180px' }}>When</TableHeaderCell>
              <TableHeaderCell>Details</TableHeaderCell>
              <TableHeaderCell style={{ width: '110px' }}>Verified</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.data.ledger.map((e) => (
              <TableRow key={e.seq}>
                <TableCell>{e.seq}</TableCell>
                <TableCell>{e.type.replace(/_/g, ' ')}</TableCell>
                <TableCell>{e.who}</TableCell>
                <TableCell>{when(e.at)}</TableCell>
                <TableCell>
                  <span className={styles.payload}>{JSON.stringify(e.payload).slice(0, 240)}</span>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={e.verified === 'ok' ? 'success' : 'danger'}>
                    {e.verified === 'ok' ? 'Verified' : e.verified.replace(/_/g, ' ')}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </article>
  );
}

function StepCard(props: { step: TimelineStep }) {
  const styles = useStyles();
  const s = props.step;
  return (
    <Card size="small">
      <div className={styles.header}>
        <Text weight="semibold">
          {s.n}. {s.title}
        </Text>
        <Badge appearance="tint">{STEP_STATUS[s.status] ?? s.status}</Badge>
        <Badge appearance="outline">{s.risk}</Badge>
        {s.gate === 'checkpoint' && <Badge appearance="outline">Checkpoint</Badge>}
      </div>
      <Text size={200} className={styles.meta}>
        {s.action} · {s.attempts} attempt{s.attempts === 1 ? '' : 's'}
        {s.startedAt ? ` · started ${when(s.startedAt)}` : ''}
        {s.durationMs !== undefined ? ` · took ${duration(s.durationMs)}` : ''}
        {s.approvedBy.length > 0 ? ` · approved by ${s.approvedBy.join(', ')}` : ''}
      </Text>
      {s.read.count > 0 && (
        <Text size={200}>
          Read {s.read.count} item{s.read.count === 1 ? '' : 's'}
          {s.read.titles.length > 0 ? `: ${s.read.titles.slice(0, 5).join('; ')}` : ''}
        </Text>
      )}
      {s.items.length > 0 && (
        <ul aria-label={`What step ${s.n} found or created`}>
          {s.items.map((item, i) => (
            <li key={i}>
              {item.url ? (
                <Link href={item.url} target="_blank" rel="noreferrer">
                  {item.title}
                </Link>
              ) : (
                <Text>{item.title}</Text>
              )}
              {item.meta && <Text size={200}> · {item.meta}</Text>}
            </li>
          ))}
        </ul>
      )}
      {s.gateReasons.map((r) => (
        <Text size={200} key={r}>
          Why it stopped: {r}
        </Text>
      ))}
      {s.warnings.map((w) => (
        <Text size={200} key={w}>
          Warning: {w}
        </Text>
      ))}
      {s.error && <Text size={200}>Error: {s.error}</Text>}
      {s.reason && <Text size={200}>Reason: {s.reason}</Text>}
    </Card>
  );
}
