/**
 * The demo estate with about 60 days of realistic history, generated through the same services
 * the API uses (so every record, issue and history entry is one the product could have made).
 * Deterministic: the same seed gives the same estate.
 */
import sharp from 'sharp';
import { actorAuthor, userAuthor } from '../photos/authors.ts';
import { DAY, type PhotoRef } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { sha256Hex } from '../security/crypto.ts';
import { DEMO_BUILDINGS, DEMO_DEPARTMENTS, DEMO_ESTATE, DEMO_LOCATIONS, DEMO_PASSWORD, DEMO_ROUTING, DEMO_USERS } from './estate.ts';
import { seededRandom } from './random.ts';
import { passwordHashes, writeEstate, type EstateSpec, type PasswordHashes } from './setup.ts';
import type { StoredPhoto } from '../photos/blob-store.ts';
import { withinTransaction, type Writes } from '../storage/store.ts';
import { DEMO_ROUTE, deskEntries, guardRounds, kioskRatings, ownerReports, patrolRounds } from './activity.ts';
import { seedMonthly, seedPlanRecords, seedSurvey, seedToday } from './records.ts';
import { Timeline, type Seeding } from './timeline.ts';
import { planWorkflow } from './workflow.ts';

export const DEMO_ACCOUNTS = { password: DEMO_PASSWORD, users: DEMO_USERS };

const DEMO: EstateSpec = {
  estate: DEMO_ESTATE,
  buildings: DEMO_BUILDINGS,
  locations: DEMO_LOCATIONS,
  departments: DEMO_DEPARTMENTS,
  users: DEMO_USERS,
  password: DEMO_PASSWORD,
  routing: DEMO_ROUTING,
};

/** A few plain JPEGs stand in for site photos, stored through the real blob store (files only; rows in the seed's transaction). */
async function demoPhotos(deps: Deps): Promise<StoredPhoto[]> {
  const stored: StoredPhoto[] = [];
  for (const background of ['#b0bec5', '#a1887f', '#90a4ae']) {
    const bytes = new Uint8Array(
      await sharp({ create: { width: 640, height: 480, channels: 3, background } })
        .jpeg({ quality: 70 })
        .toBuffer(),
    );
    stored.push(await deps.blobs.put(sha256Hex(bytes), bytes));
  }
  return stored;
}

/**
 * The demo estate with its history. Everything slow and asynchronous (password hashes, photo files) comes
 * first; then every row is written in one transaction, so a kill during the first start leaves either the
 * whole demo or none of it, and the next start makes it again.
 */
export async function seedDemo(deps: Deps, days = 60, seed = 20261126): Promise<void> {
  const hashes = await passwordHashes(DEMO);
  const files = await demoPhotos(deps);
  await deps.store.write(async (tx) => {
    // Servers starting together on one empty database: one seeds, the others find it done.
    await tx.exclusive('demo-seed');
    if ((await tx.listEstates()).length === 0)
      await writeDemo({ ...deps, store: withinTransaction(deps.store, tx) }, tx, hashes, files, days, seed);
  });
  deps.board.invalidate(DEMO_ESTATE.id);
}

/** `deps.store` runs inside `tx`: every service call below lands in the seed's one transaction. */
async function writeDemo(deps: Deps, tx: Writes, hashes: PasswordHashes, files: StoredPhoto[], days: number, seed: number): Promise<void> {
  const now = deps.clock();
  const since = now - days * DAY;
  await writeEstate(tx, DEMO, hashes, since);
  const photos: PhotoRef[] = [];
  for (const stored of files) {
    await tx.insertPhoto({ ...stored, receivedAt: since });
    // In the demo, everyone who cites these photos took them (photos/authors.ts).
    for (const author of [...DEMO_USERS.map((u) => userAuthor(u.id)), actorAuthor({ kind: 'owner' })])
      await tx.addPhotoUploader(stored.sha256, author, since);
    photos.push({ sha256: stored.sha256, size: stored.size });
  }

  // Services read the timeline's clock as the seed walks it through history.
  const timeline = new Timeline(now);
  const s: Seeding = { tx, deps: { ...deps, clock: () => Math.round(timeline.at) }, rnd: seededRandom(seed), timeline, photos, now, days };
  await tx.putRoute({ ...DEMO_ROUTE, estateId: DEMO_ESTATE.id }, since);
  const events = [...patrolRounds(s), ...ownerReports(s), ...kioskRatings(s), ...deskEntries(s), ...guardRounds(s)];
  // Monthly inspections raise issues too; their follow-up runs with everything else.
  for (const id of await seedMonthly(s)) {
    const issue = await tx.getIssue(id);
    if (issue) planWorkflow(s, issue);
  }
  await timeline.play(events);
  // The survey draws from dice of its own, so the day-to-day activity added to the demo never reshuffles its answers.
  await seedSurvey({ ...s, rnd: seededRandom(seed + 1) });
  await seedToday(s);
  await seedPlanRecords(s);
}
