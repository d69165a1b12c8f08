import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { peopleMailboxSettings } from './mailbox-settings';
import { peopleDirectReports, peopleManager } from './manager';
import { peoplePresence } from './presence';
import { peopleResolve } from './resolve';

/** The people actions of the catalogue: directory look-ups, reporting lines, presence, working hours. */
export function peopleActions(gateway: GraphGateway): ActionSpec[] {
  return [
    peopleResolve(gateway),
    peopleManager(gateway),
    peopleDirectReports(gateway),
    peoplePresence(gateway),
    peopleMailboxSettings(gateway),
  ] as unknown as ActionSpec[];
}
