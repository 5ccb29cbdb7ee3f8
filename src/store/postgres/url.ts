// Telling a PostgreSQL URL from a SQLite path, and naming it in messages: kept apart from the store
// so the command line can decide which store to load without loading either.

/** True for a `postgres://` or `postgresql://` URL (anything else is a SQLite file path). */
export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
