import { SANDBOX_DIRECTORY } from '../directory';
import type { SandboxStore } from '../store/store';
import { TODO_LIST, TODO_TASK, todoEtag, todoId, todoTime, type TodoList, type TodoTask } from '../tasks/todo-model';
import { DAY, toDateTimeTimeZone } from '../time';

/** Everyone's lists: the default "Tasks" list and "Errands". */
const LISTS: ReadonlyArray<{ key: string; displayName: string; wellknownListName: TodoList['wellknownListName'] }> = [
  { key: 'tasks', displayName: 'Tasks', wellknownListName: 'defaultList' },
  { key: 'errands', displayName: 'Errands', wellknownListName: 'none' },
];

/** A few tasks per list (the same for everyone), due relative to today. */
const TASKS: Readonly<
  Record<string, ReadonlyArray<{ title: string; dueInDays: number | null; status: TodoTask['status'] }>>
> = {
  tasks: [
    { title: 'Submit expense report', dueInDays: 1, status: 'notStarted' },
    { title: 'Prepare notes for the weekly sync', dueInDays: 0, status: 'inProgress' },
    { title: 'Renew parking permit', dueInDays: -2, status: 'completed' },
  ],
  errands: [{ title: 'Pick up dry cleaning', dueInDays: 2, status: 'notStarted' }],
};

/** Seed every sandbox user's To Do lists and tasks, relative to `now`. */
export function seedTodo(store: SandboxStore, now: Date): void {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const user of SANDBOX_DIRECTORY.users) {
    LISTS.forEach((seed, i) => {
      const id = todoId(`list:${user.id}:${seed.key}`);
      const list: TodoList = {
        '@odata.etag': todoEtag(id, '1'),
        id,
        displayName: seed.displayName,
        isOwner: true,
        isShared: false,
        wellknownListName: seed.wellknownListName,
      };
      store.putDoc(TODO_LIST, id, list, { owner: user.id, sort: String(i) });
      (TASKS[seed.key] ?? []).forEach((t, j) => {
        const taskId = todoId(`task:${id}:${t.title}`);
        const createdAt = todoTime(new Date(today - (10 - j) * DAY));
        const task: TodoTask = {
          '@odata.etag': todoEtag(taskId, '1'),
          id: taskId,
          importance: 'normal',
          isReminderOn: false,
          status: t.status,
          title: t.title,
          createdDateTime: createdAt,
          lastModifiedDateTime: createdAt,
          hasAttachments: false,
          categories: [],
          body: { content: '', contentType: 'text' },
          ...(t.dueInDays === null ? {} : { dueDateTime: toDateTimeTimeZone(new Date(today + t.dueInDays * DAY)) }),
          ...(t.status === 'completed' ? { completedDateTime: toDateTimeTimeZone(new Date(today - 3 * DAY)) } : {}),
          linkedResources: [],
        };
        store.putDoc(TODO_TASK, taskId, task, { owner: user.id, parent: id, sort: `${createdAt}|${taskId}` });
      });
    });
  }
}
