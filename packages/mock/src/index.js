// Starts the mock of every host: one pinned Prism per host's bundled spec, and in front of each a gateway that
// does what Prism cannot (signatures, NxCloud's error codes, webhook callbacks).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGateway } from './gateway.js';
import { startPrism } from './prism.js';

export const HOSTS = ['api2.nxcloud.com', 'api.nxcloud.com', 'api-idn.nxlink.ai', 'api-hk.nxlink.ai'];
export const DEMO_CREDENTIALS = { accessKey: 'nxwa-demo-key', accessSecret: 'nxwa-demo-secret' };
export const DEFAULT_PORT_BASE = 4010;

const here = dirname(fileURLToPath(import.meta.url));

/** The bundled spec of a host: shipped with the package (specs/), or from the workspace (spec/dist). */
export function specFile(host) {
  for (const dir of [join(here, '..', 'specs'), join(here, '..', '..', '..', 'spec', 'dist')]) {
    const file = join(dir, `${host}.json`);
    if (existsSync(file)) return file;
  }
  throw new Error(`No bundled spec for ${host}: build the package (pnpm build) first.`);
}

/**
 * Starts the mock. Options: `hosts` (all by default), `ports` ({host: port}; else `portBase` + index, or 0 for
 * any free port), `listen` (127.0.0.1), `credentials` ([{accessKey, accessSecret}]), `webhookUrl`,
 * `allowAnyCallbackTarget`, `callbackDelayMs`, `maxBodyBytes`, `log`.
 */
export async function startMock(options = {}) {
  const hosts = options.hosts ?? HOSTS;
  const log = options.log ?? (() => {});
  const accounts = new Map((options.credentials ?? [DEMO_CREDENTIALS]).map((c) => [c.accessKey, c.accessSecret]));
  const started = [];
  const stopAll = async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
  try {
    const prisms = await Promise.all(
      hosts.map(async (host) => {
        const prism = await startPrism(specFile(host), { log });
        started.push(prism);
        return prism;
      }),
    );
    const servers = [];
    for (const [i, host] of hosts.entries()) {
      const spec = JSON.parse(readFileSync(specFile(host), 'utf8'));
      const port = options.ports?.[host] ?? (options.portBase === 0 ? 0 : (options.portBase ?? DEFAULT_PORT_BASE) + HOSTS.indexOf(host));
      const gateway = createGateway({ ...options, host, spec, prismPort: prisms[i].port, accounts, port, log });
      const url = await gateway.start();
      started.push(gateway);
      servers.push({ host, url, prismPort: prisms[i].port, prismPid: prisms[i].pid });
    }
    return { servers, urls: Object.fromEntries(servers.map((s) => [s.host, s.url])), stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
