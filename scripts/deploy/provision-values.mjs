// The `generate values` step of m365agents.yml (`atk provision`): makes, once per environment,
// the values no Azure or Entra action hands out.
//
//   RESOURCE_SUFFIX                 6 lower-case letters and digits: Azure names are global
//   SECRET_LEDGER_SIGNING_KEY       <key id>:hmac-sha256:<base64url of 32 random bytes> (docs/security.md)
//   SECRET_POSTGRES_ADMIN_PASSWORD  32 characters: letters, digits and URL-safe symbols
//   SECRET_LEDGER_VERIFY_KEYS       `none`: the retired ledger keys, none until the first rotation
//                                   (infra/azure.bicep reads `none` as no keys). Never left empty:
//                                   arm/deploy refuses a parameters file with an empty variable.
//
// A value already in the environment (the toolkit loads env/.env.<env> and .user, decrypted) is
// kept: provisioning again must not rename resources or rotate a key by accident (docs/deploy.md,
// "Rotate secrets"). New values are printed as `::set-teamsfx-env NAME=value`, which the toolkit
// writes back: SECRET_ names encrypted to env/.env.<env>.user, the suffix to env/.env.<env>.
// Nothing else is printed, so no secret reaches a log.
//
// The toolkit reads `NAME=value` with the value up to the first space or quote, so values here
// are never empty and hold neither. Plain JavaScript with Node's own modules: it runs before
// `npm ci`.
import { randomBytes, randomInt } from 'node:crypto';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const SYMBOLS = '-_.~';

function randomText(alphabet, length) {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

/** A password Azure Database for PostgreSQL accepts (three of four character classes, 8–128). */
function postgresPassword() {
  for (;;) {
    const text = randomText(LOWER + UPPER + DIGITS + SYMBOLS, 32);
    if ([LOWER, UPPER, DIGITS, SYMBOLS].every((set) => [...text].some((c) => set.includes(c)))) return text;
  }
}

/** A fresh HMAC ledger signing key whose id says when it was made. */
function ledgerSigningKey() {
  const id = `ledger-${new Date().toISOString().slice(0, 10)}`;
  return `${id}:hmac-sha256:${randomBytes(32).toString('base64url')}`;
}

const generators = {
  RESOURCE_SUFFIX: () => randomText(LOWER + DIGITS, 6),
  SECRET_LEDGER_SIGNING_KEY: ledgerSigningKey,
  SECRET_POSTGRES_ADMIN_PASSWORD: postgresPassword,
  SECRET_LEDGER_VERIFY_KEYS: () => 'none',
};

const blank = (value) => value === undefined || value.trim() === '';
for (const [name, generate] of Object.entries(generators)) {
  if (blank(process.env[name])) console.log(`::set-teamsfx-env ${name}=${generate()}`);
}
