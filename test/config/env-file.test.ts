import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { parseEnvText, readEnvFile, readEnvFiles } from '../../src/env-file';

describe('the .env file reader', () => {
  it('ends an unquoted value at a comment, and keeps # inside quotes', () => {
    expect(
      parseEnvText(
        [
          '# a comment line',
          'PORT=4100 # the port',
          'LOG_LEVEL=debug#no space',
          'QUOTED="a # b"',
          "SINGLE='c#d'",
          'EMPTY=',
          '  SPACED  =  value  ',
          'export EXPORTED=yes',
          '  # INDENTED=commented out',
          'MULTI="one\\ntwo"',
          'not an assignment',
        ].join('\n'),
      ),
    ).toEqual({
      PORT: '4100',
      LOG_LEVEL: 'debug',
      QUOTED: 'a # b',
      SINGLE: 'c#d',
      EMPTY: '',
      SPACED: 'value',
      EXPORTED: 'yes',
      MULTI: 'one\ntwo',
    });
  });

  it('layers files in order, skips missing ones, and feeds the configuration', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-file-'));
    try {
      const base = path.join(dir, '.env.x');
      fs.writeFileSync(base, 'PORT=4100 # committed\nLOG_LEVEL=warn\n');
      fs.writeFileSync(`${base}.user`, 'LOG_LEVEL=debug # mine\n');
      expect(readEnvFile(path.join(dir, 'missing'))).toBeUndefined();
      expect(readEnvFiles([base, `${base}.user`, path.join(dir, 'missing')])).toEqual({
        PORT: '4100',
        LOG_LEVEL: 'debug',
      });
      expect(loadConfig({}, [base, `${base}.user`])).toMatchObject({ port: 4100, logLevel: 'debug' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
