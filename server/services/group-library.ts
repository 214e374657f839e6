/**
 * The group's shared checklists and score sheets (集团模板库). The library starts from the defaults a new estate
 * gets; each edit is a new group version. Publishing copies the latest version into the chosen estates as each
 * estate's next version of the same id: past inspections and monthly scores keep the versions they were made on, and
 * an estate may still edit its own copy (it then "differs" until the group publishes to it again).
 */
import {
  DEFAULT_SCORING_SHEET,
  DEFAULT_TEMPLATES,
  type ChecklistTemplate,
  type EstateCopy,
  type GroupLibrary,
  type LibraryKind,
  type PublishRequest,
  type Published,
  type ScoringSheet,
  type SheetInput,
  type TemplateInput,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { LibraryEntry, Reads } from '../storage/store.ts';
import { audit } from './audit.ts';
import { conflict, invalid, notFound } from './refusals.ts';

/** JSON with its keys in order, so two copies of one content compare equal however they were built. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
/** What a version says, its number aside. */
const content = (body: ChecklistTemplate | ScoringSheet) => canonical({ ...body, version: 0 });

/** The library: what the group saved, and the defaults for entries it has not edited yet. */
async function library(reads: Reads): Promise<LibraryEntry[]> {
  const saved = await reads.groupLibrary();
  const has = (kind: LibraryKind, id: string) => saved.some((e) => e.kind === kind && e.id === id);
  const defaults: LibraryEntry[] = [
    ...DEFAULT_TEMPLATES.filter((t) => !has('checklist', t.id)).map((t) => ({
      kind: 'checklist' as const,
      id: t.id,
      version: t.version,
      body: t,
    })),
    ...(has('sheet', DEFAULT_SCORING_SHEET.id)
      ? []
      : [{ kind: 'sheet' as const, id: DEFAULT_SCORING_SHEET.id, version: DEFAULT_SCORING_SHEET.version, body: DEFAULT_SCORING_SHEET }]),
  ];
  return [...saved, ...defaults].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/** Each estate's own latest copy of the entry. */
async function estateCopy(
  reads: Reads,
  estateId: string,
  kind: LibraryKind,
  id: string,
): Promise<ChecklistTemplate | ScoringSheet | undefined> {
  if (kind === 'checklist') return (await reads.latestTemplates(estateId)).find((t) => t.id === id);
  const sheet = await reads.latestSheet(estateId);
  return sheet?.id === id ? sheet : undefined;
}

export async function groupLibrary(deps: Deps): Promise<GroupLibrary> {
  const reads = deps.store.read;
  const [entries, estates] = await Promise.all([library(reads), reads.listEstates()]);
  const copies = async (e: LibraryEntry): Promise<EstateCopy[]> =>
    Promise.all(
      estates.map(async (estate) => {
        const own = await estateCopy(reads, estate.id, e.kind, e.id);
        const status = !own ? 'missing' : content(own) === content(e.body) ? 'same' : 'differs';
        return { estateId: estate.id, status, version: own?.version ?? null } satisfies EstateCopy;
      }),
    );
  const checklists = [];
  const sheets = [];
  for (const e of entries) {
    if (e.kind === 'checklist') checklists.push({ template: e.body as ChecklistTemplate, estates: await copies(e) });
    else sheets.push({ sheet: e.body as ScoringSheet, estates: await copies(e) });
  }
  return { checklists, sheets, estates: estates.map((e) => ({ id: e.id, name: e.name, archived: e.archivedAt !== null })) };
}

/** A new group version of an entry (a checklist keeps its kind of place). */
async function saveEntry(deps: Deps, kind: LibraryKind, body: TemplateInput | SheetInput, by: string): Promise<LibraryEntry> {
  return deps.store.write(async (tx) => {
    const current = (await library(tx)).find((e) => e.kind === kind && e.id === body.id);
    if (kind === 'checklist' && current && (current.body as ChecklistTemplate).kind !== (body as TemplateInput).kind)
      throw invalid(`kind: checklist ${body.id} is for ${(current.body as ChecklistTemplate).kind}`, [
        { path: 'kind', message: 'cannot change the kind of place of a checklist' },
      ]);
    const version = (current?.version ?? 0) + 1;
    const entry: LibraryEntry = { kind, id: body.id, version, body: { ...body, version } as ChecklistTemplate | ScoringSheet };
    await tx.insertGroupTemplate(entry, deps.clock(), by);
    return entry;
  });
}

export async function saveGroupChecklist(deps: Deps, input: TemplateInput, by: string): Promise<ChecklistTemplate> {
  return (await saveEntry(deps, 'checklist', input, by)).body as ChecklistTemplate;
}

export async function saveGroupSheet(deps: Deps, input: SheetInput, by: string): Promise<ScoringSheet> {
  return (await saveEntry(deps, 'sheet', input, by)).body as ScoringSheet;
}

/**
 * The entry's latest version into each chosen estate, as the estate's next version, all estates or none. An
 * archived estate is refused by name (its history is read-only).
 */
export async function publishFromLibrary(deps: Deps, req: PublishRequest, by: string): Promise<Published> {
  const estateIds = [...new Set(req.estateIds)];
  const result = await deps.store.write(async (tx) => {
    const entry = (await library(tx)).find((e) => e.kind === req.kind && e.id === req.id);
    if (!entry) throw notFound(`${req.kind} ${req.id}`);
    const estates = await tx.listEstates();
    const unknown = estateIds.filter((id) => !estates.some((e) => e.id === id));
    if (unknown.length)
      throw invalid(`estateIds: no estate ${unknown.join(', ')}`, [
        { path: 'estateIds', message: `no estate ${unknown.join(', ')}`, rule: 'unknown' },
      ]);
    const archived = estates.filter((e) => estateIds.includes(e.id) && e.archivedAt !== null);
    if (archived.length) throw conflict(`archived estates take no new versions: ${archived.map((e) => e.name.zh).join(', ')}`);
    const out: Published['estates'] = [];
    const now = deps.clock();
    for (const estateId of estateIds) {
      const own = await estateCopy(tx, estateId, req.kind, req.id);
      // The estate's latest is its highest version: the next number is never one it has used.
      const version = (own?.version ?? 0) + 1;
      const body = { ...entry.body, version };
      if (req.kind === 'checklist') await tx.insertTemplate(estateId, body as ChecklistTemplate, now);
      else await tx.insertSheet(estateId, body as ScoringSheet);
      const target = `${body.name.zh} v${version} (集团模板 v${entry.version})`;
      await audit(tx, by, { estateId, action: 'template.publish', target, before: own ?? null, after: body }, now);
      out.push({ estateId, version });
    }
    return { kind: req.kind, id: req.id, groupVersion: entry.version, estates: out };
  });
  // New checklists change the slots patrols owe.
  if (req.kind === 'checklist') for (const e of result.estates) deps.board.invalidate(e.estateId);
  return result;
}
