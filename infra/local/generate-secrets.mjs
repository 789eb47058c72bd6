#!/usr/bin/env node
// `npm run secrets -- <directory>`: fresh secrets for one deployment, as one env file per
// service (<service>.env) and one for NATS (nats.env). Feed them to your secret store, e.g.
//   kubectl -n samverkan create secret generic cases-secrets --from-env-file=<directory>/cases.env
// Each service gets its Ed25519 key for signing caller assertions (SERVICE_SIGNING_KEY), the
// public keys of all five (SERVICE_TRUSTED_KEYS) and its NATS user; the gateway an HS256 secret
// for tokens if you use no OIDC issuer; cases its identity encryption and look-up keys; referrals
// the key that encrypts webhook secrets. Add
// DATABASE_URL yourself. Rotating a key: generate a new one with another id and put it first
// (identity and webhook keys) or add its public part to SERVICE_TRUSTED_KEYS everywhere before using it.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: npm run secrets -- <directory to write the env files into>');
  process.exit(2);
}
const services = ['gateway', 'actors', 'cases', 'referrals', 'learning'];
const keyId = new Date().toISOString().slice(0, 10);

const signingKeys = Object.fromEntries(
  services.map((service) => {
    const { d, x } = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    return [service, { kty: 'OKP', crv: 'Ed25519', x, d, kid: `${service}:${keyId}`, alg: 'EdDSA', use: 'sig' }];
  }),
);
const trustedKeys = JSON.stringify({ keys: Object.values(signingKeys).map(({ d: _private, ...publicPart }) => publicPart) });
// nats-server reads a variable's value as configuration: one that begins like a number ("7e…")
// does not parse, so every password begins with letters.
const natsPasswords = Object.fromEntries(services.map((service) => [service, `nats-${randomBytes(24).toString('base64url')}`]));
const key = () => `${keyId}:${randomBytes(32).toString('base64')}`;

// Values are JSON or base64 without spaces or quotes, so `KEY=value` lines read the same in
// Docker, kubectl --from-env-file and shells.
const envFile = (entries) =>
  `${Object.entries(entries)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')}\n`;

mkdirSync(directory, { recursive: true, mode: 0o700 });
for (const service of services) {
  const entries = {
    NODE_ENV: 'production',
    NATS_USER: service,
    NATS_PASSWORD: natsPasswords[service],
    SERVICE_SIGNING_KEY: JSON.stringify(signingKeys[service]),
    SERVICE_TRUSTED_KEYS: trustedKeys,
    ...(service === 'gateway' ? { JWT_SECRET: randomBytes(32).toString('base64url') } : {}),
    ...(service === 'cases' ? { IDENTITY_ENCRYPTION_KEYS: key(), IDENTITY_HASH_KEYS: key() } : {}),
    ...(service === 'referrals' ? { WEBHOOK_SECRET_KEYS: key() } : {}),
  };
  writeFileSync(join(directory, `${service}.env`), envFile(entries), { mode: 0o600 });
}
writeFileSync(
  join(directory, 'nats.env'),
  envFile({
    ...Object.fromEntries(services.map((service) => [`NATS_PASSWORD_${service.toUpperCase()}`, natsPasswords[service]])),
    NATS_CLUSTER_PASSWORD: randomBytes(24).toString('base64url'),
  }),
  { mode: 0o600 },
);
console.log(`wrote ${services.map((service) => `${service}.env`).join(', ')} and nats.env to ${directory} (readable by you only)`);
