import {
  Button,
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  Title1,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Api, localSignOut, serverMode, type TokenSource } from './api';
import { Announcer, useAnnouncer } from './Announcer';
import { LocalSignIn } from './LocalSignIn';
import { MyTasks } from './MyTasks';
import { Scheduled } from './Scheduled';
import { TaskPageView } from './TaskPage';
import { browserTheme, startInTeams, THEMES, type ThemeName } from './teams';
import type { Me, WaitingItem } from './types';
import { usePoll } from './usePoll';
import { WaitingList } from './Waiting';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: '16px 24px 32px',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: '16px', flexWrap: 'wrap', marginBottom: '8px' },
  who: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: '8px' },
  main: { marginTop: '16px' },
});

type View = { readonly page: 'waiting' | 'tasks' | 'scheduled' } | { readonly page: 'task'; readonly taskId: string };

/** The view in the address (#/tasks, #/task/ABC123), so a task's page can be linked and Back works. */
function viewFromHash(): View {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const task = /^task\/([A-Za-z0-9_-]{1,64})$/.exec(hash);
  if (task?.[1]) return { page: 'task', taskId: task[1] };
  if (hash === 'tasks' || hash === 'scheduled') return { page: hash };
  return { page: 'waiting' };
}

function go(view: View): void {
  window.location.hash = view.page === 'task' ? `#/task/${view.taskId}` : `#/${view.page}`;
}

export function App() {
  const [theme, setTheme] = useState<ThemeName>(browserTheme());
  const [mode, setMode] = useState<'local' | 'teams'>();
  const [token, setToken] = useState<TokenSource>();
  const [me, setMe] = useState<Me | null>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    serverMode()
      .then(async (m) => {
        setMode(m);
        if (m === 'teams') {
          const getToken = await startInTeams(setTheme).catch(() => undefined);
          if (!getToken) {
            setFailure('Open the Tasks tab in Microsoft Teams: outside Teams it cannot sign you in.');
            return;
          }
          setToken(() => getToken);
        } else {
          setToken(() => async () => undefined);
        }
      })
      .catch(() => setFailure('Delegate could not be reached. Is the bot running?'));
  }, []);

  const api = useMemo(() => (token ? new Api(token) : undefined), [token]);
  useEffect(() => {
    if (!api) return;
    api.get<Me>('/api/tab/me').then(
      (who) => setMe(who),
      () => setMe(null),
    );
  }, [api]);

  return (
    <FluentProvider theme={THEMES[theme]}>
      <Body api={api} mode={mode} me={me} failure={failure} onSignedIn={setMe} />
    </FluentProvider>
  );
}

function Body(props: {
  api?: Api;
  mode?: 'local' | 'teams';
  me?: Me | null;
  failure?: string;
  onSignedIn: (me: Me | null) => void;
}) {
  const styles = useStyles();
  const { api, mode, me } = props;
  if (props.failure)
    return (
      <div className={styles.page}>
        <main>
          <Title1 block as="h1">
            Tasks
          </Title1>
          <Text block as="p" role="alert">
            {props.failure}
          </Text>
        </main>
      </div>
    );
  if (!api || me === undefined)
    return (
      <div className={styles.page}>
        <main>
          <Spinner label="Loading your tasks…" />
        </main>
      </div>
    );
  if (me === null)
    return (
      <div className={styles.page}>
        <main>
          {mode === 'local' ? (
            <LocalSignIn onSignedIn={props.onSignedIn} />
          ) : (
            <>
              <Title1 block as="h1">
                Tasks
              </Title1>
              <Text block as="p" role="alert">
                Teams could not sign you in to Delegate. Reopen the tab, or ask your administrator to check the app's
                single sign-on.
              </Text>
            </>
          )}
        </main>
      </div>
    );
  return <SignedIn api={api} me={me} local={mode === 'local'} onSignedOut={() => props.onSignedIn(null)} />;
}

function SignedIn(props: { api: Api; me: Me; local: boolean; onSignedOut: () => void }) {
  const styles = useStyles();
  const { api, me } = props;
  const [view, setView] = useState<View>(viewFromHash);
  const announcer = useAnnouncer();
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const waiting = usePoll(() => api.get<{ items: WaitingItem[] }>('/api/tab/waiting'), [api]);
  const openTask = useCallback((taskId: string) => go({ page: 'task', taskId }), []);
  const count = waiting.data?.items.length;
  const selected = view.page === 'task' ? 'tasks' : view.page;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title1 block as="h1">
          Tasks
        </Title1>
        <div className={styles.who}>
          <Text>
            Signed in as <strong>{me.name}</strong>
          </Text>
          {props.local && (
            <Button
              appearance="subtle"
              onClick={() => {
                void localSignOut().then(props.onSignedOut);
              }}
            >
              Sign out
            </Button>
          )}
        </div>
      </header>
      <nav aria-label="Sections">
        <TabList selectedValue={selected} onTabSelect={(_e, data) => go({ page: data.value as 'waiting' })}>
          <Tab value="waiting">{count === undefined ? 'Waiting for me' : `Waiting for me (${count})`}</Tab>
          <Tab value="tasks">My tasks</Tab>
          <Tab value="scheduled">Scheduled</Tab>
        </TabList>
      </nav>
      <main className={styles.main}>
        {view.page === 'waiting' && (
          <WaitingList
            api={api}
            items={waiting.data?.items}
            error={waiting.error}
            onDecided={(message) => {
              announcer.say(message);
              waiting.reload();
            }}
            onOpen={openTask}
          />
        )}
        {view.page === 'tasks' && <MyTasks api={api} onOpen={openTask} />}
        {view.page === 'scheduled' && <Scheduled api={api} onChanged={announcer.say} />}
        {view.page === 'task' && (
          <TaskPageView
            api={api}
            taskId={view.taskId}
            onBack={() => go({ page: 'tasks' })}
            onDecided={(message) => {
              announcer.say(message);
              waiting.reload();
            }}
          />
        )}
      </main>
      <Announcer message={announcer.message} />
    </div>
  );
}
