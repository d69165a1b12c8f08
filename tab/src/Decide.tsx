import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type Api } from './api';
import type { WaitingItem } from './types';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', marginTop: '12px' },
});

/**
 * Approve / Reject (with a reason) for one waiting plan or step. The decision names the preview
 * that was shown (its hash): if it changed meanwhile, the server refuses and the new one shows.
 */
export function Decide(props: { api: Api; item: WaitingItem; onDecided: (message: string) => void }) {
  const styles = useStyles();
  const { api, item } = props;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const what = item.stepId ? `step ${item.preview.kind === 'checkpoint' ? item.preview.n : ''}`.trim() : 'the plan';

  const decide = async (verb: 'approve' | 'reject') => {
    setBusy(true);
    setProblem('');
    try {
      await api.post(`/api/tab/tasks/${encodeURIComponent(item.taskId)}/decide`, {
        verb,
        planVersion: item.planVersion,
        ...(item.stepId ? { stepId: item.stepId } : {}),
        ...(verb === 'reject' && reason.trim() ? { reason: reason.trim() } : {}),
        previewHash: item.previewHash,
        requestId: crypto.randomUUID(),
      });
      setRejecting(false);
      props.onDecided(`${verb === 'approve' ? 'Approved' : 'Rejected'} ${what} of "${item.taskTitle}".`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={busy} onClick={() => void decide('approve')}>
          Approve
        </Button>
        <Button disabled={busy} onClick={() => setRejecting(true)}>
          Reject
        </Button>
        {item.conversation.chatUrl && (
          <Button as="a" appearance="subtle" href={item.conversation.chatUrl} target="_blank" rel="noreferrer">
            Open in chat
          </Button>
        )}
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={rejecting} onOpenChange={(_e, data) => setRejecting(data.open)}>
        <DialogSurface aria-describedby={undefined}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void decide('reject');
            }}
          >
            <DialogBody>
              <DialogTitle>Reject {what}?</DialogTitle>
              <DialogContent>
                <Field label="Reason (optional)" hint="Shown on the task and kept in its audit trail.">
                  <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} maxLength={1000} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setRejecting(false)}>
                  Cancel
                </Button>
                <Button appearance="primary" type="submit" disabled={busy}>
                  Reject
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  );
}
