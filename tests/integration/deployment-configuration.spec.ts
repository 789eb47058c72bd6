import { loadActorsConfig } from '@samverkan/actors-service';
import { loadCasesConfig } from '@samverkan/cases-service';
import { ServiceName } from '@samverkan/contracts';
import { loadGatewayConfig } from '@samverkan/gateway-service';
import { loadLearningConfig } from '@samverkan/learning-service';
import { natsPasswordVariable } from '@samverkan/messaging';
import { loadReferralsConfig } from '@samverkan/referrals-service';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { natsAuthConfig, natsServerBinary } from '../support/nats-server';

const root = join(__dirname, '..', '..');

function readEnvFile(path: string): NodeJS.ProcessEnv {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('the secrets `npm run secrets` writes', () => {
  const directory = mkdtempSync(join(tmpdir(), 'samverkan-secrets-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('start every service in production, and give NATS the same passwords', () => {
    execFileSync(process.execPath, [join(root, 'infra', 'local', 'generate-secrets.mjs'), directory]);
    const env = (service: ServiceName) => readEnvFile(join(directory, `${service}.env`));
    const loaders = {
      gateway: loadGatewayConfig,
      actors: loadActorsConfig,
      cases: loadCasesConfig,
      referrals: loadReferralsConfig,
      learning: loadLearningConfig,
    };

    const configs = Object.values(ServiceName).map((service) => loaders[service](env(service)));

    expect(configs.map((config) => config.environment)).toEqual(Object.values(ServiceName).map(() => 'production'));
    const nats = readEnvFile(join(directory, 'nats.env'));
    for (const service of Object.values(ServiceName)) expect(env(service)['NATS_PASSWORD']).toBe(nats[natsPasswordVariable(service)]);
    // Every service trusts every service's key, and no secret holds another service's private key.
    for (const config of configs) expect(config.trust.trustedKeys.map((key) => key.kid.split(':')[0]).sort()).toEqual([...Object.values(ServiceName)].sort());
  });
});

describe('the NATS server configurations in infra/nats', () => {
  /** nats-server -t on a copy, beside auth.conf; sync_interval needs 2.10, the local server may be 2.9. */
  function check(configuration: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
    const directory = mkdtempSync(join(tmpdir(), 'samverkan-natsconf-'));
    try {
      const text = readFileSync(configuration, 'utf8')
        .replace(/^\s*sync_interval:.*$/m, '')
        .replace('store_dir: /data', `store_dir: ${directory}/data`);
      writeFileSync(join(directory, 'nats.conf'), text);
      copyFileSync(natsAuthConfig, join(directory, 'auth.conf'));
      const passwords = Object.fromEntries(Object.values(ServiceName).map((service) => [natsPasswordVariable(service), `password-of-${service}`]));
      const result = spawnSync(natsServerBinary(), ['-t', '-c', join(directory, 'nats.conf')], {
        env: { ...process.env, ...passwords, ...env },
        encoding: 'utf8',
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }

  it('are valid for a single server and for every node of a cluster', () => {
    expect(check(join(root, 'infra', 'nats', 'nats.conf'), {})).toMatchObject({ status: 0 });
    const routes = Object.fromEntries([1, 2, 3].map((node) => [`NATS_ROUTE_${node}`, `nats-route://route:cluster@nats-${node}:6222`]));
    expect(
      check(join(root, 'infra', 'nats', 'cluster', 'nats-cluster.conf'), { SERVER_NAME: 'nats-1', NATS_CLUSTER_PASSWORD: 'cluster', ...routes }),
    ).toMatchObject({
      status: 0,
    });
  });
});

describe('the V8 heap bounds', () => {
  it('are the same in the image as for npm start and the bench', () => {
    const flags = JSON.parse(readFileSync(join(root, 'infra', 'node-options.json'), 'utf8')) as string[];
    const dockerfile = readFileSync(join(root, 'infra', 'docker', 'service.Dockerfile'), 'utf8');

    expect(/NODE_OPTIONS="([^"]*)"/.exec(dockerfile)?.[1]).toBe(flags.join(' '));
  });
});
