/**
 * The floor for the location page (issue 15): a lean hand-written Preact page that shows a place and its
 * 20-item checklist, with its data in the HTML. Nothing of ours is this small; the ratio to it is the budget.
 * A few lines of service worker keep it, for the warm and offline opens.
 */
import { h, render } from 'preact';

interface Item {
  id: string;
  label: { zh: string; en: string };
}
const data = JSON.parse(document.getElementById('data')!.textContent!) as { name: string; items: Item[] };

function Floor() {
  return h(
    'form',
    { class: 'patrol' },
    h('h1', null, data.name),
    data.items.map((item) =>
      h(
        'fieldset',
        { key: item.id, 'data-item': item.id },
        h('legend', null, item.label.zh),
        h('label', null, h('input', { type: 'radio', name: item.id, value: 'pass' }), ' 合格'),
        h('label', null, h('input', { type: 'radio', name: item.id, value: 'fail' }), ' 不合格'),
      ),
    ),
  );
}

render(h(Floor, null), document.getElementById('app')!);
// Kept by a minimal service worker (pwa.ts serves it), so its warm and offline opens are the floor for ours.
addEventListener('load', () => void navigator.serviceWorker?.register('/sw.js'), { once: true });
