import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';

/** The mail actions of the catalogue. */
export function mailActions(gateway: GraphGateway): ActionSpec[] {
  void gateway;
  return [];
}
