import { createCatalogue } from '../../../src/actions';
import type { GraphGateway } from '../../../src/graph/types';
import { ScriptedLlm } from './support';

// The catalogue only hands the gateway to the Graph actions; nothing here calls Graph.
const gateway = {} as GraphGateway;

describe('createCatalogue with a language model', () => {
  it('keeps the Graph actions, and adds the compose actions only with an llm', () => {
    const without = createCatalogue(gateway)
      .list()
      .map((spec) => spec.name);
    expect(without).toEqual(
      expect.arrayContaining([
        'mail.search',
        'text.summarise',
        'mail.send',
        'calendar.findMeetingTimes',
        'calendar.createEvent',
        'teams.postChannelMessage',
      ]),
    );
    expect(new Set(without).size).toBe(without.length);
    expect(without.some((name) => name.startsWith('compose.'))).toBe(false);
    const withLlm = createCatalogue(gateway, { llm: new ScriptedLlm() });
    expect(withLlm.list().map((spec) => spec.name)).toEqual([
      ...without,
      'compose.summarise',
      'compose.draft',
      'compose.actionItems',
    ]);
    expect(createCatalogue(gateway, {}).list()).toHaveLength(without.length);
  });

  it('declares every compose action as a side-effect-free compose step', () => {
    const catalogue = createCatalogue(gateway, { llm: new ScriptedLlm() });
    for (const name of ['compose.summarise', 'compose.draft', 'compose.actionItems']) {
      const spec = catalogue.get(name);
      expect(spec?.risk).toBe('compose');
      expect(spec?.permissions).toEqual({ delegated: [], application: [] });
      expect(spec?.destinations).toBeUndefined();
      expect(spec?.contentFields).toBeUndefined();
    }
  });
});
