import type { DomainIntent } from '../domain';
import { calendarIntents } from './calendar';
import { filesIntents } from './files';
import { mailIntents } from './mail';
import { peopleIntents } from './people';
import { tasksIntents } from './tasks';
import { teamsIntents } from './teams';

/** Every domain intent, tried after deliveries and before the built-in summary and meeting requests. */
export const DOMAIN_INTENTS: readonly DomainIntent[] = [
  ...mailIntents,
  ...calendarIntents,
  ...filesIntents,
  ...teamsIntents,
  ...tasksIntents,
  ...peopleIntents,
];
