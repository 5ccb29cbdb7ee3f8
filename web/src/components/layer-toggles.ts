// Switches for the highlighted layers (entities by type, quotes, figures, dates). The choice is
// remembered in this browser; switching only changes classes, the text is not re-rendered.
import { h } from '../dom.ts';
import { ENTITY_LABELS, ENTITY_TYPES } from './article-marks.ts';
import type { Mark } from './annotated-text.ts';

export type ToggleName = 'entity' | 'quote' | 'figure' | 'time' | (typeof ENTITY_TYPES)[number];

const STORAGE_KEY = 'dossier.layers';

function load(): Record<string, boolean> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, boolean>;
  } catch {
    return {};
  }
}

export interface LayerToggles {
  element: HTMLElement;
  isVisible(m: Mark): boolean;
  /** Turns a layer on (the side panel asks for it when a hidden span is chosen). */
  show(name: ToggleName): void;
}

export function layerToggles(target: HTMLElement, counts: Record<ToggleName, number>): LayerToggles {
  const state = load();
  const on = (name: ToggleName) => state[name] !== false;
  const inputs = new Map<ToggleName, HTMLInputElement>();

  const apply = () => {
    for (const name of inputs.keys()) {
      const cls = ENTITY_TYPES.includes(name as never) ? `hide-ent-${name}` : `hide-${name}`;
      target.classList.toggle(cls, !on(name));
    }
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  };

  const toggle = (name: ToggleName, label: string, extraClass?: string) => {
    const input = h('input', { type: 'checkbox', name: `layer-${name}`, disabled: counts[name] === 0 });
    input.checked = on(name);
    input.addEventListener('change', () => {
      state[name] = input.checked;
      apply();
    });
    inputs.set(name, input);
    return h('label', { class: ['toggle', `toggle-${name}`, extraClass, counts[name] === 0 && 'is-empty'] }, input, h('span', { class: 'swatch' }), ` ${label} `, h('span', { class: 'count' }, String(counts[name])));
  };

  const element = h(
    'div',
    { class: 'layer-toggles', role: 'group', 'aria-label': 'Highlighted layers' },
    h(
      'span',
      { class: 'toggle-group' },
      toggle('entity', 'Entities'),
      ENTITY_TYPES.map((t) => toggle(t, ENTITY_LABELS[t], 'sub')),
    ),
    toggle('quote', 'Quotes'),
    toggle('figure', 'Figures'),
    toggle('time', 'Dates'),
  );
  apply();

  return {
    element,
    isVisible(m) {
      if (m.layer === 'entity') return on('entity') && on(m.data?.entityType as ToggleName);
      if (m.layer === 'quote' || m.layer === 'figure' || m.layer === 'time') return on(m.layer);
      return true;
    },
    show(name) {
      state[name] = true;
      const input = inputs.get(name);
      if (input) input.checked = true;
      apply();
    },
  };
}
