import { Badge, Button, Card, makeStyles, Spinner, Text, Title2 } from '@fluentui/react-components';
import type { Api } from './api';
import { when } from './format';
import type { Schedule } from './types';
import { usePoll } from './usePoll';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
});

/** Schedules I own or approve, with their next run; empty until Delegate has recurring work. */
export function Scheduled(props: { api: Api; onChanged: (message: string) => void }) {
  const styles = useStyles();
  const data = usePoll(
    () => props.api.get<{ available: boolean; schedules: Schedule[] }>('/api/tab/schedules'),
    [props.api],
  );
  const toggle = async (s: Schedule) => {
    const verb = s.status === 'active' ? 'pause' : 'resume';
    await props.api.post(`/api/tab/schedules/${encodeURIComponent(s.id)}/${verb}`, {});
    props.onChanged(`${verb === 'pause' ? 'Paused' : 'Resumed'} "${s.title}".`);
    data.reload();
  };
  return (
    <section aria-labelledby="scheduled-heading">
      <Title2 block as="h2" id="scheduled-heading">
        Scheduled
      </Title2>
      {!data.data && <Spinner label="Loading schedules…" />}
      {data.data && data.data.schedules.length === 0 && (
        <Text block as="p">
          No schedules. Ask Delegate for recurring work in a chat (for example &quot;every Monday at 9, email Megan a
          summary of last week&apos;s mail from Contoso&quot;) and it shows here with its next run.
        </Text>
      )}
      {data.data && data.data.schedules.length > 0 && (
        <ul className={styles.list}>
          {data.data.schedules.map((s) => (
            <li key={s.id}>
              <Card>
                <div className={styles.row}>
                  <Text weight="semibold">{s.title}</Text>
                  <Badge appearance="tint">{s.status === 'active' ? 'Active' : 'Paused'}</Badge>
                  <Text>{s.cadence}</Text>
                  {s.nextRunAt && <Text>Next run: {when(s.nextRunAt)}</Text>}
                  {s.canPause && (
                    <Button onClick={() => void toggle(s)}>
                      {s.status === 'active' ? `Pause ${s.title}` : `Resume ${s.title}`}
                    </Button>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
