import { Button, Field, makeStyles, Select, Spinner, Text, Title1 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { localPeople, localSignIn } from './api';
import type { Me } from './types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '360px', marginTop: '16px' },
});

/** Local mode only: pick one of the sandbox people to use the tab as (the Playground's users). */
export function LocalSignIn(props: { onSignedIn: (me: Me) => void }) {
  const styles = useStyles();
  const [people, setPeople] = useState<Me[]>();
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState('');
  useEffect(() => {
    localPeople().then(
      (list) => {
        setPeople(list);
        setChosen(list[0]?.id ?? '');
      },
      () => setProblem('Could not load the people of the sandbox tenant.'),
    );
  }, []);
  return (
    <>
      <Title1 block as="h1">
        Tasks
      </Title1>
      <Text block as="p">
        Local mode: Delegate runs with its sandbox tenant. Choose who you are, as in the Agents Playground.
      </Text>
      {!people && !problem && <Spinner label="Loading people…" />}
      {people && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            localSignIn(chosen).then(props.onSignedIn, () => setProblem('Could not sign in.'));
          }}
        >
          <Field label="Sign in as">
            <Select value={chosen} onChange={(_e, data) => setChosen(data.value)}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" type="submit">
            Sign in
          </Button>
        </form>
      )}
      {problem && (
        <Text block as="p" role="alert">
          {problem}
        </Text>
      )}
    </>
  );
}
