// For a test file: a throwaway PostgreSQL server (./postgres-server.ts) started before its tests and
// stopped after them. Without one installed, the file fails with the message saying how to install it.
import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type PgServer } from '../../support/postgres-server.ts';

export function useTestPostgres(): () => PgServer {
  let server: PgServer | undefined;
  beforeAll(async () => {
    server = await startPostgres({ fast: true });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the test PostgreSQL server is not running');
    return server;
  };
}
