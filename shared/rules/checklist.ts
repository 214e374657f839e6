/** Checking answers against their template, and turning failed items into issues. */
import type { Answer, ChecklistItem, ChecklistTemplate } from '../model/checklist.ts';
import type { FieldError } from '../validate.ts';

export function isFailed(item: ChecklistItem, answer: Answer | undefined): boolean {
  if (!answer || answer.value === null) return false;
  switch (item.answer.kind) {
    case 'passFail':
      return answer.value === 'fail';
    case 'number':
      return typeof answer.value === 'number' && (answer.value < item.answer.min || answer.value > item.answer.max);
    default:
      return false;
  }
}

/**
 * Every item answered with the right kind of value; a failed item has a note,
 * and a photo where the template asks for one. Errors name the item.
 */
export function checkAnswers(template: ChecklistTemplate, answers: readonly Answer[]): FieldError[] {
  const errors: FieldError[] = [];
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  const known = new Set(template.items.map((i) => i.id));
  answers.forEach((a, i) => {
    if (!known.has(a.itemId))
      errors.push({ path: `answers[${i}].itemId`, message: `item ${a.itemId} is not in template ${template.id} v${template.version}` });
  });
  if (byItem.size !== answers.length) errors.push({ path: 'answers', message: 'an item is answered twice' });
  template.items.forEach((item) => {
    const path = `answers.${item.id}`;
    const a = byItem.get(item.id);
    if (!a || a.value === null || a.value === '') {
      if (item.answer.kind !== 'text') errors.push({ path, message: `${item.label.en} is not answered` });
      return;
    }
    const kind = item.answer.kind;
    const ok =
      (kind === 'passFail' && (a.value === 'pass' || a.value === 'fail' || a.value === 'na')) ||
      (kind === 'number' && ((typeof a.value === 'number' && Number.isFinite(a.value)) || a.value === 'na')) ||
      (kind === 'text' && typeof a.value === 'string') ||
      (kind === 'photo' && (a.value === 'na' || a.photos.length > 0));
    if (!ok) {
      errors.push({ path, message: `${item.label.en}: expected ${kind === 'passFail' ? 'pass, fail or na' : kind}` });
      return;
    }
    if (isFailed(item, a)) {
      if (!a.note) errors.push({ path: `${path}.note`, message: `${item.label.en} failed: say what is wrong` });
      if (item.photoOnFail && a.photos.length === 0)
        errors.push({ path: `${path}.photos`, message: `${item.label.en} failed: a photo is required` });
    }
  });
  return errors;
}

export interface FailedItem {
  item: ChecklistItem;
  answer: Answer;
}

export function failedItems(template: ChecklistTemplate, answers: readonly Answer[]): FailedItem[] {
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  return template.items.flatMap((item) => {
    const answer = byItem.get(item.id);
    return answer && isFailed(item, answer) ? [{ item, answer }] : [];
  });
}
