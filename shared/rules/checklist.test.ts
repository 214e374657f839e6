import { describe, expect, it } from 'vitest';
import { defaultTemplateFor } from '../content/templates.ts';
import type { Answer } from '../model/checklist.ts';
import { checkAnswers, failedItems } from './checklist.ts';

const fire = defaultTemplateFor('fire_point');
const photo = { sha256: 'b'.repeat(64), size: 2048 };
const allPass = (): Answer[] =>
  fire.items.map((i) => ({
    itemId: i.id,
    value: i.answer.kind === 'number' ? 1.2 : i.answer.kind === 'text' ? '' : 'pass',
    note: '',
    photos: [],
  }));

describe('answering a checklist', () => {
  it('a fully passed fire-point check has no errors and raises nothing', () => {
    expect(checkAnswers(fire, allPass())).toEqual([]);
    expect(failedItems(fire, allPass())).toEqual([]);
  });

  it('an extinguisher at 0.8 MPa is below its 1.0–1.4 limits and fails', () => {
    const answers = allPass().map((a) =>
      a.itemId === 'extinguisher-pressure' ? { ...a, value: 0.8, note: 'needle in red', photos: [photo] } : a,
    );
    expect(checkAnswers(fire, answers)).toEqual([]);
    expect(failedItems(fire, answers).map((f) => [f.item.id, f.item.severity])).toEqual([['extinguisher-pressure', 'important']]);
  });

  it('a failed item needs a note, and a photo where the template asks for one', () => {
    const answers = allPass().map((a) => (a.itemId === 'escape' ? { ...a, value: 'fail' as const } : a));
    expect(checkAnswers(fire, answers).map((e) => e.path)).toEqual(['answers.escape.note', 'answers.escape.photos']);
  });

  it('names the unanswered item and an item that is not on the template', () => {
    const answers = allPass().filter((a) => a.itemId !== 'hydrant');
    answers.push({ itemId: 'ghost', value: 'pass', note: '', photos: [] });
    expect(checkAnswers(fire, answers)).toEqual([
      { path: 'answers[5].itemId', message: 'item ghost is not in template tpl-fire v1' },
      { path: 'answers.hydrant', message: 'Hydrant cabinet complete, hose and nozzle present is not answered' },
    ]);
  });

  it('refuses text where a number is expected', () => {
    const answers = allPass().map((a) => (a.itemId === 'extinguisher-pressure' ? { ...a, value: 'ok' } : a));
    expect(checkAnswers(fire, answers)).toEqual([
      { path: 'answers.extinguisher-pressure', message: 'Extinguisher pressure: expected number' },
    ]);
  });
});
