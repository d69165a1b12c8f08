import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { filesCreate } from './create';
import { filesReadText } from './read-text';
import { filesListRecent } from './recent';
import { filesSearch } from './search';
import { filesShare } from './share';

export { filesShareRisk } from './share';

/** The files actions of the catalogue: OneDrive search, recent files, document text, create and share. */
export function filesActions(gateway: GraphGateway): ActionSpec[] {
  return [
    filesSearch(gateway),
    filesListRecent(gateway),
    filesReadText(gateway),
    filesCreate(gateway),
    filesShare(gateway),
  ];
}
