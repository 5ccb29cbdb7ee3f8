// Every page of the UI. A new page (storylines, entities) is one module in pages/ and one line here;
// pages with `nav` appear in the header.
import type { Page } from './router.ts';
import { addPage } from './pages/add.ts';
import { articlePage } from './pages/article.ts';
import { articlesPage } from './pages/articles.ts';
import { entitiesPage } from './pages/entities.ts';
import { entityPage } from './pages/entity.ts';
import { entityTimelinePage } from './pages/entity-timeline.ts';
import { figuresPage } from './pages/figures.ts';
import { quotesPage } from './pages/quotes.ts';
import { searchPage } from './pages/search.ts';
import { storiesPage } from './pages/stories.ts';
import { storyPage } from './pages/story.ts';

export const pages: Page[] = [storiesPage, storyPage, articlesPage, articlePage, searchPage, entitiesPage, entityPage, entityTimelinePage, quotesPage, figuresPage, addPage];
export { notFoundPage } from './pages/not-found.ts';
