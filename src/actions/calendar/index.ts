import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';

/** The calendar actions of the catalogue. */
export function calendarActions(gateway: GraphGateway): ActionSpec[] {
  void gateway;
  return [];
}
