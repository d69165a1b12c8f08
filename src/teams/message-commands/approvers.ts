import { conversationScope, say, type CommandHandler } from './turn';

/** `approvers` lists this conversation's approvers; `approvers add|remove <person>` changes them (audited). */
export const approvers: CommandHandler<'approvers'> = async (turn) => {
  const { command, deps, actor } = turn;
  const scope = await conversationScope(turn);
  if (command.action === 'list') {
    await say(turn, await deps.approvers.list(scope));
    return;
  }
  const changed = await deps.approvers.change(scope, actor, command.action, command.person);
  if (changed.changed) {
    await deps.store.appendLedger({
      taskId: `approvers:${scope.conversationId}`,
      type: 'policy_decision',
      actor,
      at: new Date().toISOString(),
      payload: { change: `approvers ${command.action}`, person: changed.person?.id ?? '' },
    });
  }
  await say(turn, changed.text);
};
