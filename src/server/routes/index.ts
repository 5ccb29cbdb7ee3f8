// Every route module, registered in this order. Adding an area (stories, entities) is one module
// in this folder plus one line here.
import type { RouteModule } from '../context.ts';
import { articleRoutes } from './articles.ts';
import { entityRoutes } from './entities.ts';
import { layerRoutes } from './layers.ts';
import { metaRoutes } from './meta.ts';
import { queueRoutes } from './queue.ts';
import { reanalyzeRoutes } from './reanalyze.ts';
import { searchRoutes } from './search.ts';
import { sourceRoutes } from './sources.ts';
import { storyRoutes } from './stories.ts';
import { uploadRoutes } from './upload.ts';

export const routeModules: RouteModule[] = [metaRoutes, articleRoutes, searchRoutes, layerRoutes, entityRoutes, storyRoutes, uploadRoutes, reanalyzeRoutes, sourceRoutes, queueRoutes];
