/** Figures named once (shared/rules/figures.ts): the name where the number is, its definition beside it. */
import { FIGURES, type FigureId } from '../../../shared/index.ts';
import { tx } from '../common/i18n.ts';

export const figureName = (id: FigureId): string => tx(FIGURES[id].name);

/** A headline number with its name and, in small print, what it counts. */
export function FigureCard({ id, value, testId }: { id: FigureId; value: string; testId?: string }) {
  return (
    <div class="card" data-figure={id}>
      <div class="big" data-testid={testId}>
        {value}
      </div>
      {figureName(id)}
      <small class="definition">{tx(FIGURES[id].definition)}</small>
    </div>
  );
}

/** Under a table: what each of its rate columns means. */
export function FigureNotes({ ids }: { ids: FigureId[] }) {
  return (
    <dl class="definitions">
      {ids.map((id) => (
        <div key={id}>
          <dt>{figureName(id)}</dt>
          <dd>{tx(FIGURES[id].definition)}</dd>
        </div>
      ))}
    </dl>
  );
}
