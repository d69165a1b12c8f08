import {
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
} from '@fluentui/react-components';
import type { Api } from './api';
import { Decide } from './Decide';
import { when } from './format';
import { Preview } from './Preview';
import type { WaitingItem } from './types';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: '12px 0', display: 'flex', flexDirection: 'column', gap: '12px' },
  card: { maxWidth: '880px' },
});

/** Every plan and checkpoint the person may decide, across their chats and channels, oldest first. */
export function WaitingList(props: {
  api: Api;
  items?: readonly WaitingItem[];
  error?: Error;
  onDecided: (message: string) => void;
  onOpen: (taskId: string) => void;
}) {
  const styles = useStyles();
  const { items } = props;
  return (
    <section aria-labelledby="waiting-heading">
      <Title2 block as="h2" id="waiting-heading">
        Waiting for me
      </Title2>
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>Could not load what waits for you. Retrying…</MessageBarBody>
        </MessageBar>
      )}
      {!items && !props.error && <Spinner label="Loading…" />}
      {items && items.length === 0 && (
        <Text block as="p">
          Nothing waits for your decision.
        </Text>
      )}
      {items && items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={`${item.taskId}:${item.stepId ?? 'plan'}:${item.planVersion}`}>
              <Card
                className={styles.card}
                aria-label={`${item.taskTitle}: ${item.preview.kind === 'plan' ? 'plan' : 'checkpoint'}`}
              >
                <CardHeader
                  header={
                    <Text block as="h3" weight="semibold" size={400}>
                      {item.taskTitle}
                    </Text>
                  }
                  description={
                    <Text size={200}>
                      {item.preview.kind === 'plan' ? 'Plan' : 'Checkpoint'} · {item.conversation.label} · waiting since{' '}
                      {when(item.since)} · task {item.taskId}
                    </Text>
                  }
                  action={
                    <Button
                      appearance="transparent"
                      aria-label={`Details of task ${item.taskId}`}
                      onClick={() => props.onOpen(item.taskId)}
                    >
                      Details
                    </Button>
                  }
                />
                <Preview preview={item.preview} />
                <Decide api={props.api} item={item} onDecided={props.onDecided} />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
