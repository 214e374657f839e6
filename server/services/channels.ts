/** An estate's notification channels: added and removed by its administrator, their health and log shown to supervisors. */
import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelView, DeliveryView } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Channel } from '../storage/store.ts';
import { invalid, notFound } from './refusals.ts';

function checkAddress(deps: Deps, raw: string): void {
  const url = new URL(raw);
  const plainAllowed = url.protocol === 'http:' && deps.config.plainHttpChannelHosts.includes(url.hostname.toLowerCase());
  if (url.protocol !== 'https:' && !plainAllowed)
    throw invalid('url: a channel must be an https:// address (plain http only for the hosts in CHANNEL_HTTP_HOSTS)', [
      { path: 'url', message: 'must be https' },
    ]);
  if (url.username || url.password)
    throw invalid('url: no user name or password in the address', [{ path: 'url', message: 'has credentials' }]);
}

const view = (c: Channel, health: { pending: number; failed: number } | undefined): ChannelView => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  host: new URL(c.url).origin,
  audience: c.audience,
  createdAt: c.createdAt,
  pending: health?.pending ?? 0,
  failing: health?.failed ?? 0,
});

export async function addChannel(deps: Deps, estateId: string, input: ChannelInput): Promise<ChannelView> {
  checkAddress(deps, input.url);
  if (input.kind === 'webhook' && !input.secret)
    throw invalid('secret: a webhook needs a secret to sign with', [{ path: 'secret', message: 'required for a webhook' }]);
  if (input.audience.kind === 'department') {
    const departmentId = input.audience.departmentId;
    if (!(await deps.store.read.listDepartments(estateId)).some((d) => d.id === departmentId))
      throw invalid('audience.departmentId: no such department here', [{ path: 'audience.departmentId', message: 'unknown department' }]);
  }
  const channel: Channel = { id: randomUUID(), estateId, ...input, secret: input.secret ?? '', createdAt: deps.clock() };
  await deps.store.write((tx) => tx.insertChannel(channel));
  return view(channel, undefined);
}

async function channelOf(deps: Deps, estateId: string, id: string): Promise<Channel> {
  const c = await deps.store.read.getChannel(id);
  if (!c || c.estateId !== estateId) throw notFound('channel');
  return c;
}

export async function removeChannel(deps: Deps, estateId: string, id: string): Promise<void> {
  await channelOf(deps, estateId, id);
  await deps.store.write((tx) => tx.removeChannel(id, deps.clock()));
}

export async function testChannel(deps: Deps, estateId: string, id: string): Promise<{ ok: boolean; error: string | null }> {
  const result = await deps.deliveries.test(await channelOf(deps, estateId, id));
  return result.kind === 'ok' ? { ok: true, error: null } : { ok: false, error: result.error };
}

/** The channels with what waits and what failed, and the latest deliveries. */
export async function channelsOverview(deps: Deps, estateId: string): Promise<{ channels: ChannelView[]; deliveries: DeliveryView[] }> {
  const r = deps.store.read;
  const [channels, health, deliveries] = await Promise.all([
    r.listChannels(estateId),
    r.channelHealth(estateId),
    r.deliveriesOf(estateId, 100),
  ]);
  return {
    channels: channels.map((c) =>
      view(
        c,
        health.find((h) => h.channelId === c.id),
      ),
    ),
    deliveries: deliveries.map(({ id, channelId, title, state, attempts, createdAt, sentAt, lastError }) => ({
      id,
      channelId,
      title,
      state,
      attempts,
      createdAt,
      sentAt,
      lastError,
    })),
  };
}
