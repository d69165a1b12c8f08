import type { TrustContext } from '../../src/engine/guards';

/** The tenant of the sandbox: example.com, with a few people the directory knows. */
export const DIRECTORY = new Map([
  ['meganb@example.com', 'Megan Bowen'],
  ['alexw@example.com', 'Alex Wilber'],
  ['lidiah@example.com', 'Lidia Holloway'],
  ['adelev@example.com', 'Adele Vance'],
  ['pattif@contoso.com', 'Patti Fernandez'],
]);

/** A trust context for a request written by Adele Vance. */
export function trustFor(...requestTexts: string[]): TrustContext {
  return {
    requestTexts,
    requester: { upn: 'AdeleV@example.com', name: 'Adele Vance' },
    internalDomains: ['example.com'],
    directoryNames: DIRECTORY,
  };
}

export const ALLOW = ['example.com', 'sharepoint.com'];
