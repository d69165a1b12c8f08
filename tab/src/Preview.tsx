import { Badge, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { CheckpointPreview, PlanPreview } from './types';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: '16px',
    rowGap: '4px',
    margin: '8px 0',
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  block: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: '4px 0 8px',
    padding: '8px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
  },
  steps: { margin: '8px 0', paddingLeft: '20px' },
  line: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

/** Exactly what the chat's card previews: the same fields, in the same words. */
export function Preview(props: { preview: CheckpointPreview | PlanPreview }) {
  const styles = useStyles();
  const p = props.preview;
  if (p.kind === 'plan')
    return (
      <div>
        <Text block as="p">
          {p.outcome}
        </Text>
        <ol className={styles.steps} aria-label="Steps of the plan">
          {p.steps.map((s) => (
            <li key={s.n}>
              <div className={styles.line}>
                <Text weight="semibold">{s.title}</Text>
                <Badge appearance="outline">{s.risk}</Badge>
              </div>
              {s.detail && <Text size={200}>{s.detail}</Text>}
              {s.warning && (
                <Text size={200} as="p">
                  Warning: {s.warning}
                </Text>
              )}
              {s.fields.length > 0 && <Fields fields={s.fields.map((f) => ({ title: f.label, value: f.text }))} />}
            </li>
          ))}
        </ol>
        {p.note && (
          <Text block as="p">
            {p.note}
          </Text>
        )}
      </div>
    );
  return (
    <div>
      <div className={styles.line}>
        <Text weight="semibold">
          Step {p.n} of {p.total}: {p.title}
        </Text>
        <Badge appearance="outline">{p.risk}</Badge>
      </div>
      <Text block as="p">
        {p.why}
      </Text>
      {p.warnings.map((w) => (
        <MessageBar key={w} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <Fields fields={p.facts} />
      {p.blocks.map((b) => (
        <div key={b.label}>
          <Text weight="semibold">{b.label}</Text>
          <pre className={styles.block}>{b.text}</pre>
        </div>
      ))}
      {p.sources && (
        <Text block as="p">
          Made from: {p.sources}
        </Text>
      )}
      {p.deadline && (
        <Text block as="p">
          {p.deadline}
        </Text>
      )}
      {p.note && (
        <Text block as="p">
          {p.note}
        </Text>
      )}
    </div>
  );
}

function Fields(props: { fields: readonly { title: string; value: string }[] }) {
  const styles = useStyles();
  if (props.fields.length === 0) return null;
  return (
    <dl className={styles.facts}>
      {props.fields.map((f) => (
        <div key={f.title} style={{ display: 'contents' }}>
          <dt className={styles.term}>{f.title}</dt>
          <dd className={styles.detail}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
