/** Builders for request bodies, made from the shared default content so they stay in step with it. */
import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import {
  API,
  defaultTemplateFor,
  type Answer,
  type BodyOf,
  type Category,
  type ChecklistTemplate,
  type LocationKind,
  type Severity,
} from '../../shared/index.ts';
import type { TestServer } from './server.ts';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A real JPEG of the given size; `colour` varies the bytes (and so the hash). */
/**
 * A clip's bytes as the server sees them: a WebM header (EBML, DocType "webm") and then frames it never decodes
 * (the server keeps a clip as sent; tests/e2e records real ones). `seed` makes two clips differ.
 */
export function webmClip(size: number, seed = 1): Uint8Array {
  const header = [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...new TextEncoder().encode('webm')];
  const bytes = new Uint8Array(size);
  let x = seed * 2_654_435_761;
  for (let i = 0; i < size; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = x >>> 24;
  }
  bytes.set(header);
  return bytes;
}

export async function jpeg(width = 64, height = 48, colour = '#4a90d9', withGps = false): Promise<Uint8Array> {
  let img = sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 80 });
  if (withGps) {
    img = img.withExif({ IFD0: { Make: 'TestPhone', Model: 'GPS-9000' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } });
  }
  return new Uint8Array(await img.toBuffer());
}

export function passingAnswers(template: ChecklistTemplate): Answer[] {
  return template.items.map((item) => ({
    itemId: item.id,
    value: item.answer.kind === 'number' ? (item.answer.min + item.answer.max) / 2 : item.answer.kind === 'text' ? '' : 'pass',
    note: '',
    photos: [],
  }));
}

export function inspection(
  kind: LocationKind,
  locationId: string,
  at: number,
  patch: (answers: Answer[]) => Answer[] = (a) => a,
): BodyOf<typeof API.submitInspection> {
  const template = defaultTemplateFor(kind);
  return {
    id: randomUUID(),
    locationId,
    templateId: template.id,
    templateVersion: template.version,
    startedAt: at - 5 * 60_000,
    finishedAt: at,
    confirmedBy: 'printed_code',
    answers: patch(passingAnswers(template)),
  };
}

export function failItem(itemId: string, note: string, photos: { sha256: string; size: number; kind?: 'video' }[] = []) {
  return (answers: Answer[]) => answers.map((a) => (a.itemId === itemId ? { ...a, value: 'fail' as const, note, photos } : a));
}

/** A problem written up by hand (a patrol finding) in an estate, for a test that needs an issue there; its id. */
export async function raiseIssue(
  server: TestServer,
  estateId: string,
  issue: { locationId: string; description: string; category?: Category; severity?: Severity },
  who = 'supervisor',
): Promise<string> {
  const r = await server.call(API.raiseIssue, {
    params: { estateId },
    token: await server.login(who),
    json: { id: randomUUID(), source: 'patrol', category: 'hygiene', severity: 'general', ...issue },
  });
  if (r.status !== 201) throw new Error(`raising an issue: ${r.status} ${r.text}`);
  return r.body.issueId;
}
