import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';

/** The files actions of the catalogue. */
export function filesActions(gateway: GraphGateway): ActionSpec[] {
  void gateway;
  return [];
}
