import { clear, h } from '../dom.ts';
import type { Page } from '../router.ts';

export const notFoundPage: Page = {
  path: '*',
  render(ctx) {
    ctx.setTitle('Not found');
    clear(ctx.root, h('section', { class: 'error-page' }, h('h1', null, 'Not found'), h('p', null, `Nothing lives at ${ctx.url.pathname}.`), h('p', null, h('a', { href: '/' }, 'All articles'))));
  },
};
