import type { Config } from '../config';
import type { LedgerSealer, Logger } from '../engine/ports';
import { LedgerKeyring } from './keyring';

/**
 * The store's ledger sealer from the configured keys (a bad key stops start-up). Without a
 * signing key the ledger is only hash-chained; outside local mode that is worth a warning.
 */
export function ledgerSealer(config: Config, logger: Logger): LedgerSealer | undefined {
  const keyring = new LedgerKeyring(config.ledger.signing, config.ledger.retired);
  if (!keyring.signingId && !config.local)
    logger.warn(
      { component: 'ledger' },
      'LEDGER_SIGNING_KEY is not set: the audit ledger is hash-chained but unsigned, so a database writer could rewrite it undetected',
    );
  return keyring.sealer();
}
