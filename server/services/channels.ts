/** An estate's notification channels: added and removed by its administrator, their health and log shown to supervisors. */
import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelView, DeliveryView, PushSubscriptionInput } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Channel, Membership } from '../storage/store.ts';
import { invalid, notFound } from './refusals.ts';
import { audit } from './audit.ts';

function checkAddress(deps: Deps, raw: string, field = 'url'): void {
  const url = new URL(raw);
  const plainAllowed = url.protocol === 'http:' && deps.config.plainHttpChannelHosts.includes(url.hostname.toLowerCase());
  if (url.protocol !== 'https:' && !plainAllowed)
    throw invalid(`${field}: a channel must be an https:// address (plain http only for the hosts in CHANNEL_HTTP_HOSTS)`, [
      { path: field, message: 'must be https' },
    ]);
  if (url.username || url.password)
    throw invalid(`${field}: no user name or password in the address`, [{ path: field, message: 'has credentials' }]);
}

const view = (c: Channel, health: { pending: number; failed: number } | undefined, person: string | null = null): ChannelView => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  host: new URL(c.url).origin,
  audience: c.audience,
  person,
  createdAt: c.createdAt,
  pending: health?.pending ?? 0,
  failing: health?.failed ?? 0,
});

export async function addChannel(deps: Deps, estateId: string, input: ChannelInput, by: string): Promise<ChannelView> {
  checkAddress(deps, input.url);
  if (input.kind === 'webhook' && !input.secret)
    throw invalid('secret: a webhook needs a secret to sign with', [{ path: 'secret', message: 'required for a webhook' }]);
  if (input.audience.kind === 'department') {
    const departmentId = input.audience.departmentId;
    if (!(await deps.store.read.listDepartments(estateId)).some((d) => d.id === departmentId))
      throw invalid('audience.departmentId: no such department here', [
        { path: 'audience.departmentId', message: 'unknown department', rule: 'unknown' },
      ]);
  }
  const channel: Channel = { id: randomUUID(), estateId, ...input, secret: input.secret ?? '', createdAt: deps.clock() };
  await deps.store.write(async (tx) => {
    await tx.insertChannel(channel);
    await audit(tx, by, { estateId, action: 'channel.add', target: channel.name, after: recorded(channel) }, channel.createdAt);
  });
  return view(channel, undefined);
}

/**
 * A phone's Web Push subscription becomes that person's channel in the estate. A phone that subscribes again
 * (new keys, or after a reinstall) replaces its old channel rather than being told everything twice.
 */
export async function subscribePush(deps: Deps, member: Membership, input: PushSubscriptionInput): Promise<ChannelView> {
  checkAddress(deps, input.endpoint, 'endpoint');
  const user = await deps.store.read.getUser(member.userId);
  const channel: Channel = {
    id: randomUUID(),
    estateId: member.estateId,
    kind: 'webpush',
    name: `${user?.displayName ?? member.userId} · 手机 phone`,
    url: input.endpoint,
    secret: JSON.stringify(input.keys),
    audience: { kind: 'person', userId: member.userId },
    createdAt: deps.clock(),
  };
  await deps.store.write(async (tx) => {
    for (const c of await tx.listChannels(member.estateId))
      if (c.kind === 'webpush' && c.url === input.endpoint) await tx.removeChannel(c.id, channel.createdAt);
    await tx.insertChannel(channel);
  });
  return view(channel, undefined, user?.displayName ?? null);
}

/** A person turns their phone's notifications off. */
export async function unsubscribePush(deps: Deps, member: Membership, endpoint: string): Promise<void> {
  const mine = (await deps.store.read.listChannels(member.estateId)).filter(
    (c) => c.kind === 'webpush' && c.url === endpoint && c.audience.kind === 'person' && c.audience.userId === member.userId,
  );
  if (!mine.length) throw notFound('subscription');
  await deps.store.write(async (tx) => {
    for (const c of mine) await tx.removeChannel(c.id, deps.clock());
  });
}

/** What the audit log keeps of a channel: never its address's path or its secret. */
const recorded = (c: Channel) => ({ kind: c.kind, name: c.name, host: new URL(c.url).origin, audience: c.audience });

async function channelOf(deps: Deps, estateId: string, id: string): Promise<Channel> {
  const c = await deps.store.read.getChannel(id);
  if (!c || c.estateId !== estateId) throw notFound('channel');
  return c;
}

export async function removeChannel(deps: Deps, estateId: string, id: string, by: string): Promise<void> {
  const channel = await channelOf(deps, estateId, id);
  await deps.store.write(async (tx) => {
    await tx.removeChannel(id, deps.clock());
    await audit(tx, by, { estateId, action: 'channel.remove', target: channel.name, before: recorded(channel) }, deps.clock());
  });
}

export async function testChannel(deps: Deps, estateId: string, id: string): Promise<{ ok: boolean; error: string | null }> {
  const result = await deps.deliveries.test(await channelOf(deps, estateId, id));
  return result.kind === 'ok' ? { ok: true, error: null } : { ok: false, error: result.error };
}

/** The channels with what waits and what failed, and the latest deliveries. */
export async function channelsOverview(deps: Deps, estateId: string): Promise<{ channels: ChannelView[]; deliveries: DeliveryView[] }> {
  const r = deps.store.read;
  const [channels, health, deliveries, members] = await Promise.all([
    r.listChannels(estateId),
    r.channelHealth(estateId),
    r.deliveriesOf(estateId, 100),
    r.membersOf(estateId),
  ]);
  const nameOf = (c: Channel) =>
    c.audience.kind === 'person' ? (members.find((m) => m.userId === (c.audience as { userId: string }).userId)?.displayName ?? '—') : null;
  return {
    channels: channels.map((c) =>
      view(
        c,
        health.find((h) => h.channelId === c.id),
        nameOf(c),
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
