import { findUser } from '../directory';
import type { Recipient } from '../model';

/** Someone who writes to the tenant from outside, with the signature they use. */
export interface ExternalPerson {
  readonly name: string;
  readonly address: string;
  readonly signature: string;
}

/** External correspondents: customers (Contoso), suppliers (Fabrikam) and a few others. */
export const EXTERNAL: Readonly<Record<string, ExternalPerson>> = {
  dana: {
    name: 'Dana Whitman',
    address: 'dana@contoso.com',
    signature: 'Dana Whitman | Procurement Lead | Contoso Ltd.',
  },
  raj: { name: 'Raj Patel', address: 'raj.patel@contoso.com', signature: 'Raj Patel | Director of IT | Contoso Ltd.' },
  sofia: {
    name: 'Sofia Marin',
    address: 'sofia.marin@contoso.com',
    signature: 'Sofia Marin | Senior Counsel | Contoso Ltd.',
  },
  tom: {
    name: 'Tom Becker',
    address: 'tom.becker@fabrikam.com',
    signature: 'Tom Becker | Account Manager | Fabrikam, Inc.',
  },
  lena: {
    name: 'Lena Okafor',
    address: 'lena.okafor@fabrikam.com',
    signature: 'Lena Okafor | Accounts Receivable | Fabrikam, Inc.',
  },
  carlos: {
    name: 'Carlos Ruiz',
    address: 'carlos.ruiz@northwindtraders.com',
    signature: 'Carlos Ruiz | Partnerships | Northwind Traders',
  },
  priya: {
    name: 'Priya Nair',
    address: 'priya@litware.com',
    signature: 'Priya Nair | Events Coordinator | Litware Inc.',
  },
  notify: {
    name: 'Fabrikam Orders',
    address: 'orders@fabrikam.com',
    signature: 'This is an automated message from Fabrikam Order Services.',
  },
};

/** A seed person key: a tenant alias (`alexw`) or an EXTERNAL key (`dana`). */
export type PersonKey = string;

/** The recipient record for a person key. */
export function recipientOf(key: PersonKey): Recipient {
  const ext = EXTERNAL[key];
  if (ext) return { emailAddress: { name: ext.name, address: ext.address } };
  const user = findUser(`${key}@example.com`);
  if (!user) throw new Error(`unknown seed person ${key}`);
  return { emailAddress: { name: user.displayName, address: user.mail } };
}

/** How a person signs off. */
export function signOff(key: PersonKey): string {
  const ext = EXTERNAL[key];
  if (ext) return `Best regards,\n${ext.name.split(' ')[0]}\n\n${ext.signature}`;
  const user = findUser(`${key}@example.com`);
  return `Thanks,\n${user?.givenName ?? key}`;
}
