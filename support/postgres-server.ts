// A throwaway PostgreSQL cluster for the tests and the store benchmark: initdb into a temporary
// folder, start on a free loopback port with its socket in that folder, stop and delete on `stop`.
// With DOSSIER_TEST_PG_URL set, that server is used instead (each `database()` is created on it and
// dropped by `stop`). Run as root, the server binaries run as the `postgres` user (they refuse root).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgServer {
  /** URL of the server's maintenance database (postgres). */
  url: string;
  /** Creates a new, empty database and returns its URL. */
  database(): Promise<string>;
  /** Drops the databases made by `database()` and, for a throwaway cluster, stops and deletes it. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Durability settings off (fsync, synchronous_commit): for tests. The benchmark keeps them on. */
  fast?: boolean;
}

const INSTALL_HINT =
  'The PostgreSQL tests need the PostgreSQL server: install it with\n' +
  '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-contrib\n' +
  'or point them at a running server with DOSSIER_TEST_PG_URL=postgres://user@host:port/postgres';

/** The folder holding initdb and pg_ctl: the newest /usr/lib/postgresql/<version>/bin, else from PATH. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0], 'bin');
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    if (found) return found.slice(0, found.lastIndexOf('/'));
  } catch {
    // not on PATH
  }
  throw new Error(`PostgreSQL server binaries (initdb, pg_ctl) not found.\n${INSTALL_HINT}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server binary, as the postgres user when we are root. */
function runPg(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin.split('/').pop()} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

let made = 0;

/** Starts a throwaway cluster (or uses DOSSIER_TEST_PG_URL). */
export async function startPostgres(opts: StartOptions = {}): Promise<PgServer> {
  const given = process.env.DOSSIER_TEST_PG_URL;
  const created: string[] = [];
  let url: string;
  let shutdown = async () => {};
  if (given) {
    url = given;
  } else {
    const bin = postgresBinDir();
    const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-'));
    const data = join(dir, 'data');
    if (isRoot()) {
      const user = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
      const group = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
      chownSync(dir, Number(user), Number(group));
    }
    chmodSync(dir, 0o700);
    runPg(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const settings = ['-c listen_addresses=127.0.0.1', `-k ${dir}`, '-c max_connections=60'];
    if (opts.fast) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        runPg(join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} ${settings.join(' ')}`, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
        break;
      } catch (err) {
        if (attempt >= 2) {
          rmSync(dir, { recursive: true, force: true });
          throw err;
        }
      }
    }
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    shutdown = async () => {
      try {
        runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (err) {
    await shutdown();
    throw new Error(`cannot connect to the test PostgreSQL server at ${url}: ${(err as Error).message}\n${INSTALL_HINT}`);
  }
  return {
    url,
    async database() {
      const name = `dossier_test_${process.pid}_${++made}`;
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
      created.push(name);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async stop() {
      try {
        if (given) for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
        await shutdown();
      }
    },
  };
}
