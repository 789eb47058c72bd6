import { load, YAML11_SCHEMA } from 'js-yaml';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { signIn } from '../support/staff';
import { TestSystem, type ServiceName } from '../support/system';

const root = join(__dirname, '..', '..');
const services: ServiceName[] = ['gateway', 'actors', 'cases', 'referrals', 'learning'];

interface AlertRule {
  alert?: string;
  record?: string;
  expr?: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface DashboardPanel {
  title?: string;
  type?: string;
  datasource?: { type?: string; uid?: string };
  targets?: Array<{ expr?: string; datasource?: { uid?: string } }>;
  panels?: DashboardPanel[];
}
interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  static_configs?: Array<{ targets: string[] }>;
}

/** YAML 1.1, as docker-compose and Prometheus read it: compose's `<<` merge keys included. */
function yamlFile<T>(...path: string[]): T {
  return load(readFileSync(join(root, ...path), 'utf8'), { schema: YAML11_SCHEMA }) as T;
}

const alertRules = (): AlertRule[] =>
  yamlFile<{ groups: Array<{ name: string; rules: AlertRule[] }> }>('infra', 'prometheus', 'alerts.yml').groups.flatMap((group) => group.rules);

function dashboardPanels(): DashboardPanel[] {
  const dashboard = JSON.parse(readFileSync(join(root, 'infra', 'grafana', 'dashboards', 'samverkan.json'), 'utf8')) as { panels: DashboardPanel[] };
  return dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]).filter((panel) => panel.type !== 'row');
}

/**
 * The metric names a PromQL expression selects: what is left once strings, label matchers, range
 * selectors, grouping clauses, numbers, functions (a name before a parenthesis) and keywords are removed.
 */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+\w+/g, ' ');
  const keywords = new Set(['and', 'or', 'unless', 'bool', 'inf', 'nan']);
  const names = [...stripped.matchAll(/(?<![\w.:])([a-zA-Z_:][\w:]*)(?![\w:]|\s*\()/g)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !keywords.has(name.toLowerCase())))];
}

/** Every series name a Prometheus text scrape can contain, histograms and summaries with their suffixes. */
function seriesNamesIn(exposition: string): string[] {
  return [...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name = '', type]) => {
    if (type === 'histogram') return [name, `${name}_bucket`, `${name}_sum`, `${name}_count`];
    if (type === 'summary') return [name, `${name}_sum`, `${name}_count`];
    return [name];
  });
}

describe('the metric names in a PromQL expression', () => {
  it('are the selected series, not functions, labels, keywords or durations', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_seconds_bucket{status=~"5..", job="a b"}[5m]))) > 1 and on() absent(up offset 5m)',
      ).sort(),
    ).toEqual(['http_request_seconds_bucket', 'up']);
    expect(metricNamesIn('time() - max(scheduled_job_last_run_timestamp_seconds{exported_job="referrals.deadlines"}) > 6e2')).toEqual([
      'scheduled_job_last_run_timestamp_seconds',
    ]);
  });
});

describe('the alert rules in infra/prometheus/alerts.yml', () => {
  it('each have a name, an expression, a duration, a severity, a summary and a description', () => {
    const rules = alertRules();

    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule).toEqual(
        expect.objectContaining({
          alert: expect.stringMatching(/^[A-Z][A-Za-z0-9]+$/),
          expr: expect.stringMatching(/\S/),
          for: expect.stringMatching(/^\d+[smhd]$/),
          labels: expect.objectContaining({ severity: expect.stringMatching(/^(critical|warning|info)$/) }),
          annotations: expect.objectContaining({ summary: expect.stringMatching(/\S/), description: expect.stringMatching(/\S/) }),
        }),
      );
    }
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length);
  });

  it('cover a service down, the outbox, consumer lag, dead letters, errors, latency and the deadline job', () => {
    const expressions = alertRules().map((rule) => rule.expr ?? '');
    const watching = (metric: string) => expressions.filter((expr) => metricNamesIn(expr).includes(metric));

    expect(watching('up')).not.toHaveLength(0);
    expect(watching('outbox_oldest_unsent_age_seconds')).not.toHaveLength(0);
    expect(watching('consumer_pending_messages')).not.toHaveLength(0);
    expect(watching('dead_letters_total')).not.toHaveLength(0);
    expect(watching('http_requests_total').some((expr) => expr.includes('status=~"5.."'))).toBe(true);
    expect(watching('http_request_seconds_bucket').some((expr) => expr.includes('histogram_quantile(0.99'))).toBe(true);
    expect(watching('scheduled_job_last_run_timestamp_seconds').some((expr) => expr.includes('referrals.deadlines'))).toBe(true);
  });

  it('pass promtool, where promtool is installed', () => {
    const result = spawnSync('promtool', ['check', 'rules', join(root, 'infra', 'prometheus', 'alerts.yml')], { encoding: 'utf8' });
    // Only the command needs promtool; without it the other tests still read the rules.
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return;

    expect({ status: result.status, output: `${result.stdout}${result.stderr}` }).toMatchObject({ status: 0 });
  });
});

describe('the Grafana dashboard and provisioning in infra/grafana', () => {
  it('has only panels that query the provisioned Prometheus data source', () => {
    const datasources = yamlFile<{ datasources: Array<{ uid: string; type: string }> }>(
      'infra',
      'grafana',
      'provisioning',
      'datasources',
      'prometheus.yml',
    ).datasources;
    const prometheus = datasources.find((datasource) => datasource.type === 'prometheus');
    const panels = dashboardPanels();

    expect(prometheus).toBeDefined();
    expect(panels.length).toBeGreaterThan(0);
    for (const panel of panels) {
      expect({ title: panel.title, datasource: panel.datasource }).toEqual({ title: panel.title, datasource: { type: 'prometheus', uid: prometheus?.uid } });
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? [])
        expect({ title: panel.title, expr: target.expr }).toEqual({ title: panel.title, expr: expect.stringMatching(/\S/) });
    }
  });

  it('charts every metric an alert watches', () => {
    const charted = new Set(dashboardPanels().flatMap((panel) => (panel.targets ?? []).flatMap((target) => metricNamesIn(target.expr ?? ''))));
    const alerted = alertRules().flatMap((rule) => metricNamesIn(rule.expr ?? ''));

    expect(alerted.filter((metric) => !charted.has(metric))).toEqual([]);
  });

  it('is loaded from the directory the dashboard provider reads, as compose mounts it', () => {
    const provider = yamlFile<{ providers: Array<{ type: string; options: { path: string } }> }>(
      'infra',
      'grafana',
      'provisioning',
      'dashboards',
      'samverkan.yml',
    ).providers[0];
    const grafana = yamlFile<{ services: Record<string, { volumes?: string[] }> }>('docker-compose.yml').services['grafana'];

    expect(grafana?.volumes).toEqual(
      expect.arrayContaining([`./infra/grafana/dashboards:${provider?.options.path}:ro`, './infra/grafana/provisioning:/etc/grafana/provisioning:ro']),
    );
  });
});

describe('the Prometheus configuration in infra/prometheus/prometheus.yml', () => {
  it('loads the alert rules and scrapes /metrics of every service where compose runs it', () => {
    const config = yamlFile<{ rule_files: string[]; scrape_configs: ScrapeConfig[] }>('infra', 'prometheus', 'prometheus.yml');
    const compose = yamlFile<{ services: Record<string, { environment?: Record<string, string>; volumes?: string[] }> }>('docker-compose.yml');

    expect(config.rule_files).toContain('alerts.yml');
    expect(compose.services['prometheus']?.volumes).toContain('./infra/prometheus:/etc/prometheus:ro');
    for (const service of services) {
      const job = config.scrape_configs.find((scrape) => scrape.job_name === service);
      const port = compose.services[service]?.environment?.['HTTP_PORT'];

      expect({ service, path: job?.metrics_path ?? '/metrics', targets: job?.static_configs?.flatMap((group) => group.targets) }).toEqual({
        service,
        path: '/metrics',
        targets: [`${service}:${port}`],
      });
    }
  });
});

describe('the metrics the alerts and the dashboard query', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await TestSystem.start('monitoring');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  it('are all exposed by the running services', async () => {
    const operator = await signIn(system.http(), 'Olle Drift');
    await system.http().get('/health/ready').expect(200);
    const scrapes = await Promise.all(
      services.map(async (service) => {
        const scraped =
          service === 'gateway'
            ? await system.http().get('/metrics').set(operator.auth).expect(200)
            : await request(system.app(service).getHttpServer()).get('/metrics').expect(200);
        return scraped.text;
      }),
    );
    // `up` is the one series Prometheus writes itself, for every target.
    const exposed = new Set(['up', ...scrapes.flatMap(seriesNamesIn)]);
    const queried = [
      ...alertRules().map((rule) => ({ source: `alert ${rule.alert}`, expr: rule.expr ?? '' })),
      ...dashboardPanels().flatMap((panel) => (panel.targets ?? []).map((target) => ({ source: `panel ${panel.title}`, expr: target.expr ?? '' }))),
    ];

    const unknown = queried.flatMap(({ source, expr }) =>
      metricNamesIn(expr)
        .filter((metric) => !exposed.has(metric))
        .map((metric) => `${source}: ${metric}`),
    );

    expect(queried.length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });
});
