/** One seeded task: its bucket, assignees (aliases), due day (days from today) and progress. */
export interface SeedTask {
  readonly title: string;
  readonly bucket: string;
  readonly assignees: readonly string[];
  readonly dueInDays: number | null;
  readonly percentComplete: 0 | 50 | 100;
  readonly description: string;
  /** Who created it (alias). */
  readonly by: string;
}

/** One seeded plan: which group holds it, its buckets in board order and its tasks. */
export interface SeedPlan {
  readonly key: string;
  readonly title: string;
  readonly group: 'team' | 'leadership';
  readonly createdBy: string;
  readonly buckets: readonly string[];
  readonly tasks: readonly SeedTask[];
}

/** The sandbox's plans: a launch plan the whole team shares, and a private leadership plan. */
export const SEED_PLANS: readonly SeedPlan[] = [
  {
    key: 'spring-launch',
    title: 'Spring launch',
    group: 'team',
    createdBy: 'meganb',
    buckets: ['To do', 'In progress', 'Done'],
    tasks: [
      {
        title: 'Draft launch announcement',
        bucket: 'In progress',
        assignees: ['meganb'],
        dueInDays: 2,
        percentComplete: 50,
        description: 'Blog post and internal note.',
        by: 'meganb',
      },
      {
        title: 'Confirm press list',
        bucket: 'To do',
        assignees: ['alexw'],
        dueInDays: 5,
        percentComplete: 0,
        description: 'Check contacts with Contoso PR.',
        by: 'meganb',
      },
      {
        title: 'Order booth banners',
        bucket: 'To do',
        assignees: ['alexw', 'adelev'],
        dueInDays: 9,
        percentComplete: 0,
        description: '',
        by: 'alexw',
      },
      {
        title: 'Review launch budget',
        bucket: 'In progress',
        assignees: ['pattif'],
        dueInDays: 1,
        percentComplete: 50,
        description: '',
        by: 'meganb',
      },
      {
        title: 'Pick launch date',
        bucket: 'Done',
        assignees: ['meganb', 'alexw'],
        dueInDays: -3,
        percentComplete: 100,
        description: '',
        by: 'meganb',
      },
      {
        title: 'Write FAQ for support',
        bucket: 'To do',
        assignees: [],
        dueInDays: null,
        percentComplete: 0,
        description: '',
        by: 'alexw',
      },
    ],
  },
  {
    key: 'board-prep',
    title: 'Board prep',
    group: 'leadership',
    createdBy: 'pattif',
    buckets: ['Agenda'],
    tasks: [
      {
        title: 'Q2 board deck',
        bucket: 'Agenda',
        assignees: ['pattif'],
        dueInDays: 6,
        percentComplete: 0,
        description: 'Confidential.',
        by: 'pattif',
      },
    ],
  },
];
