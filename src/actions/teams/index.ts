import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';

/** The teams actions of the catalogue. */
export function teamsActions(gateway: GraphGateway): ActionSpec[] {
  void gateway;
  return [];
}
