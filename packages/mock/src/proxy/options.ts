// The options of proxy mode, record, replay and the callbacks relay, checked for startMock and the CLI alike (the
// mock's one options module spreads them in): each problem names the option as the caller wrote it.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MockHost, Spec } from '../http/hosts.js';
import { checkUpstreamUrl, documentedUrl } from './upstream.js';

export interface ProxyOptions {
  /** Forward every request to the host's upstream (NxCloud itself by default) instead of answering it. */
  proxy?: boolean;
  /** The upstream of a host in proxy mode: https, or http on loopback; the spec's production URL by default. */
  upstreams?: Partial<Record<MockHost, string>>;
  /** Proxy mode: write each exchange to `<recordDir>/<host>.har` (HAR 1.2), secrets and recipients redacted. */
  recordDir?: string;
  /** Keep phone numbers whole in the cassettes (secrets and signatures are redacted all the same). */
  keepRecipients?: boolean;
  /** Answer requests from the cassettes in this folder (the sandbox answers the rest). */
  replayDir?: string;
  /** With `replayDir`: refuse (HTTP 404) a request no cassette holds instead of letting the sandbox answer. */
  replayStrict?: boolean;
  /** Relay the callbacks NxCloud posts to the relay's port on to this URL (the app's handler), checking each. */
  relayTo?: string;
  /** The relay's port (0: a free one); the port after the hosts' by default. */
  relayPort?: number;
}

export interface ResolvedProxy {
  upstreams?: Map<MockHost, URL>;
  recordDir?: string;
  keepRecipients: boolean;
  replayDir?: string;
  replayStrict: boolean;
  relayTo?: URL;
  relayPort?: number;
}

type Name = (option: keyof ProxyOptions, index?: number) => string;

function folder(dir: unknown, option: string, create: boolean): string {
  if (typeof dir !== 'string' || dir === '')
    throw new TypeError(`${option} must be a folder path; got ${String(dir)}.`);
  const path = resolve(dir);
  if (create && !existsSync(path)) mkdirSync(path, { recursive: true });
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new TypeError(`${option} must be a folder; ${JSON.stringify(dir)} is not one.`);
  return path;
}

export function resolveProxy(
  options: ProxyOptions,
  hosts: readonly MockHost[],
  specs: readonly Spec[],
  name: Name,
): ResolvedProxy {
  const out: ResolvedProxy = {
    keepRecipients: options.keepRecipients === true,
    replayStrict: options.replayStrict === true,
  };
  if (options.upstreams !== undefined && !options.proxy)
    throw new TypeError(`${name('upstreams')} is for proxy mode; add ${name('proxy')}.`);
  if (options.recordDir !== undefined && !options.proxy)
    throw new TypeError(`${name('recordDir')} records what the proxy forwards; add ${name('proxy')}.`);
  if (options.keepRecipients && options.recordDir === undefined)
    throw new TypeError(`${name('keepRecipients')} is about the cassettes; add ${name('recordDir')}.`);
  if (options.replayStrict && options.replayDir === undefined)
    throw new TypeError(`${name('replayStrict')} needs ${name('replayDir')}.`);
  if (options.proxy && options.replayDir !== undefined)
    throw new TypeError(
      `${name('proxy')} and ${name('replayDir')} exclude each other: record through the proxy, then replay.`,
    );
  if (options.proxy) {
    const given = options.upstreams ?? {};
    for (const host of Object.keys(given))
      if (!hosts.includes(host as MockHost))
        throw new TypeError(`${name('upstreams')}: ${host} is not a host this mock serves (${hosts.join(', ')}).`);
    out.upstreams = new Map(
      hosts.map((host, i) => {
        const text = given[host] ?? documentedUrl(specs[i]);
        if (text === undefined) throw new TypeError(`${name('upstreams')}: the spec of ${host} gives no server URL.`);
        try {
          return [host, checkUpstreamUrl(text)];
        } catch (error) {
          throw new TypeError(`${name('upstreams')} ${host}: ${(error as Error).message}.`);
        }
      }),
    );
  }
  if (options.recordDir !== undefined) out.recordDir = folder(options.recordDir, name('recordDir'), true);
  if (options.replayDir !== undefined) out.replayDir = folder(options.replayDir, name('replayDir'), false);
  if (options.relayTo !== undefined) {
    let url: URL;
    try {
      url = new URL(options.relayTo);
    } catch {
      throw new TypeError(
        `${name('relayTo')} must be the URL of the app's callback handler; got ${JSON.stringify(options.relayTo)}.`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(
        `${name('relayTo')} must be an http:// or https:// URL; got ${JSON.stringify(options.relayTo)}.`,
      );
    out.relayTo = url;
  }
  if (options.relayPort !== undefined) {
    if (options.relayTo === undefined) throw new TypeError(`${name('relayPort')} needs ${name('relayTo')}.`);
    if (!Number.isInteger(options.relayPort) || options.relayPort < 0 || options.relayPort > 65_535)
      throw new TypeError(`${name('relayPort')} must be a whole number from 0 to 65535; got ${options.relayPort}.`);
    out.relayPort = options.relayPort;
  }
  return out;
}
