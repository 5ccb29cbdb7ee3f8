// Followed sources: feeds, sitemaps and URL lists, with their polling state (and why a failing one
// fails); adding, removing and polling one now; and what a poll did.
import { z } from 'zod/v4';
import { int } from './page.ts';
import { named } from './json-schema.ts';

export const sourceKinds = ['auto', 'feed', 'sitemap', 'list'] as const;

export const sourceSchema = named(
  'Source',
  z.object({
    id: int,
    url: z.string(),
    kind: z.enum(sourceKinds).describe('What the document is; "auto" until the first successful poll tells.'),
    name: z.string().nullable().describe('Given when added, else the feed title.'),
    intervalSeconds: int.describe('Seconds between polls while it works.'),
    addedAt: z.string(),
    nextDueAt: z.string().describe('When it is polled next (after failures: 5 min, doubling per failure, at most a day).'),
    lastPolledAt: z.string().nullable(),
    lastOkAt: z.string().nullable(),
    failures: int.describe('Polls failed in a row (0: the last one worked).'),
    lastError: z.string().nullable().describe('Why the last poll failed, or which item pages failed in a poll that worked.'),
    itemsSeen: int.describe('Distinct item URLs it listed first.'),
    articlesAdded: int,
    etag: z.string().nullable(),
    lastModified: z.string().nullable(),
  }),
);

export const sourceListSchema = named('SourceList', z.object({ items: z.array(sourceSchema) }));

export const addSourceBody = z.strictObject({
  url: z.string().min(1).max(4000).describe('An http(s) URL: an RSS/Atom feed, a sitemap (index, news) or a text file of URLs.'),
  kind: z.enum(sourceKinds).optional().describe('Default "auto": found out on the first poll.'),
  name: z.string().max(200).optional(),
  intervalSeconds: int.min(60).max(7 * 24 * 3600).optional().describe('Seconds between polls (default 900).'),
});

export const sourceIdParams = z.object({ id: z.string().regex(/^\d{1,12}$/).describe('Source number.') });

export const pollReportSchema = named(
  'PollReport',
  z.object({
    source: z.string(),
    ok: z.boolean(),
    error: z.string().optional().describe('Why the poll failed; the source is retried at nextDueAt.'),
    notModified: z.boolean().describe('The source answered 304 Not Modified.'),
    kind: z.enum(sourceKinds),
    listed: int.describe('Items the document listed.'),
    newItems: int.describe('Of them, never seen before.'),
    fetched: int.describe('Item pages fetched.'),
    stored: int,
    duplicates: int.describe('Pages already stored (same canonical URL or same text).'),
    copies: int.describe('Stored articles found to be syndicated copies of earlier ones.'),
    failed: z.array(z.object({ url: z.string(), reason: z.string() })),
    nextDueAt: z.string(),
  }),
);

export type Source = z.infer<typeof sourceSchema>;
export type SourceList = z.infer<typeof sourceListSchema>;
export type AddSourceBody = z.infer<typeof addSourceBody>;
export type PollReportView = z.infer<typeof pollReportSchema>;
