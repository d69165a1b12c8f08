import { csvField, csvRecord, exportHeader, exportLine } from '../../src/ledger/export';
import { chainEntry } from '../../src/ledger/entry';
import { parseCsv } from './support';

describe('export formats', () => {
  it('quotes CSV fields per RFC 4180 only when they need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField(' spaced ')).toBe(' spaced ');
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('round-trips awkward fields through a CSV reader', () => {
    const fields = ['x', '"', ',', '\r\n', 'é😀', '', 'a""b'];
    expect(parseCsv(csvRecord(fields) + csvRecord(['2']))).toEqual([fields, ['2']]);
  });

  it('writes an entry as one CSV record or one JSON line, payload compact and canonical', () => {
    const entry = chainEntry(undefined, {
      taskId: 'T,1',
      type: 'decision',
      actor: 'aad-1',
      at: '2025-03-03T09:00:00.000Z',
      payload: { z: 1, a: 'x\ny' },
    });
    expect(exportHeader('csv')).toBe('seq,taskId,type,actor,at,payload,prevHash,hash\r\n');
    expect(exportHeader('jsonl')).toBe('');
    expect(exportLine(entry, 'csv')).toBe(
      `1,"T,1",decision,aad-1,2025-03-03T09:00:00.000Z,"{""a"":""x\\ny"",""z"":1}",${entry.prevHash},${entry.hash}\r\n`,
    );
    const line = exportLine(entry, 'jsonl');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(entry);
  });
});
