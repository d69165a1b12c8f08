import { corpusFile } from '../build';
import { ADELE, ISAIAH, LYNNE, MEGAN, onDay, PATTI } from '../slots';

const P_ADD = 'planner.createTask';
const P_UPD = 'planner.updateTask';
const T_ADD = 'todo.createTask';

/** Planner plans (Spring launch, Board prep) and To Do lists (Tasks, Errands). */
export default corpusFile('tasks', [
  {
    request: "Add a task 'Book venue' to the Spring launch plan for Megan due Friday",
    actions: [P_ADD],
    slots: {
      'planner.createTask.plan': 'Spring launch',
      'planner.createTask.title': 'Book venue',
      'planner.createTask.assignees': [MEGAN],
      'planner.createTask.dueDateTime': onDay('2026-12-04'),
    },
    parts: ['Add a task', 'Book venue', 'Spring launch plan', 'Megan', 'due Friday'],
  },
  {
    request: 'create a planner task in spring launch: order sample packs, assign to adele',
    actions: [P_ADD],
    slots: {
      'planner.createTask.plan': 'spring launch',
      'planner.createTask.title': 'order sample packs',
      'planner.createTask.assignees': [ADELE],
    },
    parts: ['create a planner task', 'spring launch', 'order sample packs', 'assign to adele'],
  },
  {
    request: 'Put "Update the board deck numbers" on the Board prep plan and give it to Patti, due next Tuesday',
    actions: [P_ADD],
    slots: {
      'planner.createTask.plan': 'Board prep',
      'planner.createTask.title': 'Update the board deck numbers',
      'planner.createTask.assignees': [PATTI],
      'planner.createTask.dueDateTime': onDay('2026-12-08'),
    },
    parts: ['Update the board deck numbers', 'Board prep plan', 'Patti', 'due next Tuesday'],
  },
  {
    request: 'Can you add a Spring launch task for Lynne to check the store rota by tomorrow',
    actions: [P_ADD],
    slots: {
      'planner.createTask.plan': 'Spring launch',
      'planner.createTask.title': 'store rota',
      'planner.createTask.assignees': [LYNNE],
      'planner.createTask.dueDateTime': onDay('2026-12-03'),
    },
    parts: ['add', 'Spring launch', 'Lynne', 'check the store rota', 'by tomorrow'],
  },
  {
    request: 'assign isaiah a task in the spring launch plan: send leads to sales',
    actions: [P_ADD],
    slots: {
      'planner.createTask.plan': 'spring launch',
      'planner.createTask.title': 'send leads to sales',
      'planner.createTask.assignees': [ISAIAH],
    },
    parts: ['assign isaiah', 'spring launch plan', 'send leads to sales'],
  },
  {
    request: 'new task on the Spring launch board, "Print flyers", due 10 December',
    actions: [P_ADD],
    slots: {
      'planner.createTask.plan': 'Spring launch',
      'planner.createTask.title': 'Print flyers',
      'planner.createTask.dueDateTime': onDay('2026-12-10'),
    },
    parts: ['new task', 'Spring launch', 'Print flyers', 'due 10 December'],
  },
  {
    request: 'Mark the Draft launch announcement task as complete',
    actions: [P_UPD],
    slots: { 'planner.updateTask.title': 'Draft launch announcement', 'planner.updateTask.percentComplete': 100 },
    parts: ['Mark', 'complete', 'Draft launch announcement'],
  },
  {
    request: "i've finished 'confirm press list', tick it off",
    actions: [P_UPD],
    slots: { 'planner.updateTask.title': 'confirm press list', 'planner.updateTask.percentComplete': 100 },
    parts: ['finished', 'confirm press list', 'tick it off'],
  },
  {
    request: 'Set the Order booth banners task to 50%',
    actions: [P_UPD],
    slots: { 'planner.updateTask.title': 'Order booth banners', 'planner.updateTask.percentComplete': 50 },
    parts: ['Order booth banners', '50%'],
  },
  {
    request: 'move the due date of Review launch budget to Friday',
    actions: [P_UPD],
    slots: {
      'planner.updateTask.title': 'Review launch budget',
      'planner.updateTask.dueDateTime': onDay('2026-12-04'),
    },
    parts: ['due date', 'Review launch budget', 'Friday'],
  },
  {
    request: "Add Adele to the 'Pick launch date' task",
    actions: [P_UPD],
    slots: { 'planner.updateTask.title': 'Pick launch date', 'planner.updateTask.addAssignees': [ADELE] },
    parts: ['Add Adele', 'Pick launch date'],
  },
  {
    request: 'take megan off Write FAQ for support and give it to lynne',
    actions: [P_UPD],
    slots: {
      'planner.updateTask.title': 'Write FAQ for support',
      'planner.updateTask.removeAssignees': [MEGAN],
      'planner.updateTask.addAssignees': [LYNNE],
    },
    parts: ['take megan off', 'Write FAQ for support', 'give it to lynne'],
  },
  {
    request: "I've started on the Write FAQ for support task",
    actions: [P_UPD],
    slots: { 'planner.updateTask.title': 'Write FAQ for support', 'planner.updateTask.percentComplete': 50 },
    parts: ['started', 'Write FAQ for support'],
  },
  {
    request: 'Show my planner tasks',
    actions: ['planner.listTasks'],
    parts: ['planner tasks'],
  },
  {
    request: "what's left to do on the spring launch plan?",
    actions: ['planner.listTasks'],
    slots: { 'planner.listTasks.plan': 'spring launch' },
    parts: ["what's left", 'spring launch plan'],
  },
  {
    request: 'List the tasks in Board prep',
    actions: ['planner.listTasks'],
    slots: { 'planner.listTasks.plan': 'Board prep' },
    parts: ['List the tasks', 'Board prep'],
  },
  {
    request: 'what planner tasks are assigned to me',
    actions: ['planner.listTasks'],
    slots: { 'planner.listTasks.plan': { $absent: true } },
    parts: ['planner tasks', 'assigned to me'],
  },
  {
    request: 'How is the spring launch going - show all tasks incl. the done ones',
    actions: ['planner.listTasks'],
    slots: { 'planner.listTasks.plan': 'spring launch', 'planner.listTasks.includeCompleted': true },
    parts: ['spring launch', 'all tasks', 'done ones'],
  },
  {
    request: "Add 'call the printer' to my to do list",
    actions: [T_ADD],
    slots: { 'todo.createTask.title': 'call the printer' },
    parts: ['Add', 'call the printer', 'to do list'],
  },
  {
    request: 'remind me to renew the parking permit on Friday',
    actions: [T_ADD],
    slots: { 'todo.createTask.title': 'renew the parking permit', 'todo.createTask.dueDateTime': onDay('2026-12-04') },
    parts: ['remind me', 'renew the parking permit', 'Friday'],
  },
  {
    request: 'add pick up the dry cleaning to my errands list',
    actions: [T_ADD],
    slots: { 'todo.createTask.title': 'pick up the dry cleaning', 'todo.createTask.list': 'Errands' },
    parts: ['add', 'pick up the dry cleaning', 'errands list'],
  },
  {
    request: 'To do: book flights for the Berlin trip, due next Monday',
    actions: [T_ADD],
    slots: { 'todo.createTask.title': 'book flights', 'todo.createTask.dueDateTime': onDay('2026-12-07') },
    parts: ['To do', 'book flights for the Berlin trip', 'due next Monday'],
  },
  {
    request: 'Make a note in To Do to chase Dana about the PO',
    actions: [T_ADD],
    slots: { 'todo.createTask.title': 'chase Dana' },
    parts: ['To Do', 'chase Dana about the PO'],
  },
  {
    request: 'Add a task for myself: submit the trade show expenses by tomorrow',
    actions: [T_ADD],
    slots: {
      'todo.createTask.title': 'submit the trade show expenses',
      'todo.createTask.dueDateTime': onDay('2026-12-03'),
    },
    parts: ['Add a task for myself', 'submit the trade show expenses', 'by tomorrow'],
  },
  {
    request: "What's on my to do list",
    actions: ['todo.listTasks'],
    parts: ['to do list'],
  },
  {
    request: 'show me my errands',
    actions: ['todo.listTasks'],
    slots: { 'todo.listTasks.list': 'Errands' },
    parts: ['errands'],
  },
  {
    request: 'what do i still have to do today?',
    actions: ['todo.listTasks'],
    parts: ['still have to do', 'today'],
  },
  {
    request: 'list my to-dos including the completed ones',
    actions: ['todo.listTasks'],
    slots: { 'todo.listTasks.includeCompleted': true },
    parts: ['to-dos', 'completed ones'],
  },
  {
    request: 'Add a task to follow up with Raj on SSO to my tasks list, due Thursday',
    actions: [T_ADD],
    slots: { 'todo.createTask.title': 'follow up with Raj', 'todo.createTask.dueDateTime': onDay('2026-12-03') },
    parts: ['Add a task', 'follow up with Raj on SSO', 'tasks list', 'due Thursday'],
  },
  {
    request: 'Put "Order booth banners" on the Spring launch plan for Adele and tell her on Teams',
    actions: [P_ADD, 'teams.sendChatMessage'],
    slots: {
      'planner.createTask.title': 'Order booth banners',
      'planner.createTask.assignees': [ADELE],
      'teams.sendChatMessage.to': ADELE,
    },
    parts: ['Order booth banners', 'Spring launch plan', 'Adele', 'tell her on Teams'],
  },
]);
