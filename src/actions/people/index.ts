import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';

/** The people actions of the catalogue. */
export function peopleActions(gateway: GraphGateway): ActionSpec[] {
  void gateway;
  return [];
}
