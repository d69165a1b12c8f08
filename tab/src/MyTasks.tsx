import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Api } from './api';
import { dayEnd, dayStart, when } from './format';
import { STATUS_LABELS, STATUSES, type TaskList, type TaskStatus, type TaskSummary } from './types';
import { usePoll } from './usePoll';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'flex-end', margin: '12px 0' },
  counts: { display: 'flex', gap: '8px', flexWrap: 'wrap', listStyleType: 'none', padding: 0, margin: '8px 0' },
  board: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: '12px' },
  column: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px',
  },
  columnList: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
});

/** The board's columns: the statuses grouped as people think of them. */
const COLUMNS: readonly { readonly title: string; readonly statuses: readonly TaskStatus[] }[] = [
  { title: 'Waiting', statuses: ['planning', 'awaiting_plan_approval', 'awaiting_checkpoint'] },
  { title: 'Running', statuses: ['running', 'paused'] },
  { title: 'Done', statuses: ['completed', 'nothing_done'] },
  { title: 'Stopped', statuses: ['failed', 'cancelled', 'rejected', 'limit_reached'] },
];

/** My tasks: filters, search, a count per status, and a list or a board by status. */
export function MyTasks(props: { api: Api; onOpen: (taskId: string) => void }) {
  const styles = useStyles();
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [conversation, setConversation] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [layout, setLayout] = useState<'list' | 'board'>('list');
  const query = useMemo(() => {
    const q = new URLSearchParams({ limit: '100' });
    if (status) q.set('status', status);
    if (conversation) q.set('conversation', conversation);
    if (from) q.set('from', dayStart(from));
    if (to) q.set('to', dayEnd(to));
    if (search.trim()) q.set('q', search.trim());
    return q.toString();
  }, [status, conversation, from, to, search]);
  const list = usePoll(() => props.api.get<TaskList>(`/api/tab/tasks?${query}`), [props.api, query]);
  const conversations = useConversations(list.data?.tasks);

  return (
    <section aria-labelledby="tasks-heading">
      <Title2 block as="h2" id="tasks-heading">
        My tasks
      </Title2>
      <div className={styles.filters} role="search" aria-label="Filter tasks">
        <Field label="Search titles">
          <Input type="search" value={search} onChange={(_e, d) => setSearch(d.value)} />
        </Field>
        <Field label="Status">
          <Select value={status} onChange={(_e, d) => setStatus(d.value as TaskStatus | '')}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Conversation">
          <Select value={conversation} onChange={(_e, d) => setConversation(d.value)}>
            <option value="">Any conversation</option>
            {conversations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Created from">
          <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label="Created to">
          <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <TabList
          aria-label="Show as"
          selectedValue={layout}
          onTabSelect={(_e, d) => setLayout(d.value as 'list' | 'board')}
          size="small"
        >
          <Tab value="list">List</Tab>
          <Tab value="board">Board</Tab>
        </TabList>
      </div>
      {list.data && (
        <ul className={styles.counts} aria-label="Tasks per status">
          {STATUSES.filter((s) => (list.data?.counts[s] ?? 0) > 0).map((s) => (
            <li key={s}>
              <Button
                size="small"
                appearance={status === s ? 'primary' : 'secondary'}
                aria-pressed={status === s}
                onClick={() => setStatus(status === s ? '' : s)}
              >
                {STATUS_LABELS[s]}: {list.data?.counts[s]}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {list.error && (
        <MessageBar intent="error">
          <MessageBarBody>Could not load your tasks. Retrying…</MessageBarBody>
        </MessageBar>
      )}
      {!list.data && !list.error && <Spinner label="Loading your tasks…" />}
      {list.data && list.data.tasks.length === 0 && (
        <Text block as="p">
          No tasks match.
        </Text>
      )}
      {list.data && list.data.tasks.length > 0 && layout === 'list' && (
        <TaskTable tasks={list.data.tasks} total={list.data.total} onOpen={props.onOpen} />
      )}
      {list.data && list.data.tasks.length > 0 && layout === 'board' && (
        <div className={styles.board}>
          {COLUMNS.map((column) => {
            const tasks = list.data?.tasks.filter((t) => column.statuses.includes(t.status)) ?? [];
            return (
              <section key={column.title} className={styles.column} aria-label={`${column.title} (${tasks.length})`}>
                <Text block as="h3" weight="semibold">
                  {column.title} ({tasks.length})
                </Text>
                <ul className={styles.columnList}>
                  {tasks.map((t) => (
                    <li key={t.id}>
                      <Card size="small">
                        <Link href={`#/task/${t.id}`}>{t.title}</Link>
                        <Text size={200}>
                          {t.statusLabel} · {t.conversation.label} · {when(t.createdAt)}
                        </Text>
                      </Card>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

function TaskTable(props: { tasks: readonly TaskSummary[]; total: number; onOpen: (id: string) => void }) {
  return (
    <Table aria-label={`My tasks, ${props.tasks.length} of ${props.total}, newest first`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Task</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Steps done</TableHeaderCell>
          <TableHeaderCell>Conversation</TableHeaderCell>
          <TableHeaderCell>Created</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.tasks.map((t) => (
          <TableRow key={t.id}>
            <TableCell>
              <Link href={`#/task/${t.id}`}>{t.title}</Link> <Text size={200}>({t.id})</Text>
            </TableCell>
            <TableCell>
              <Badge appearance="tint">{t.statusLabel}</Badge>
            </TableCell>
            <TableCell>
              {t.steps.done} of {t.steps.total}
            </TableCell>
            <TableCell>{t.conversation.label}</TableCell>
            <TableCell>{when(t.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The conversations seen so far, to filter by (remembered while the tab is open). */
function useConversations(tasks: readonly TaskSummary[] | undefined): { id: string; label: string }[] {
  const [seen] = useState(() => new Map<string, string>());
  for (const t of tasks ?? []) if (!seen.has(t.conversation.id)) seen.set(t.conversation.id, t.conversation.label);
  const counts = new Map<string, number>();
  return [...seen.entries()].map(([id, label]) => {
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    return { id, label: n > 1 ? `${label} ${n}` : label };
  });
}
