import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';

/** The tasks actions of the catalogue. */
export function tasksActions(gateway: GraphGateway): ActionSpec[] {
  void gateway;
  return [];
}
