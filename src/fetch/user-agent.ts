// The User-Agent every request sends: "Dossier/<version>", with "(+contact)" when one is configured
// (--contact or DOSSIER_CONTACT: a URL or mail address where site owners reach whoever runs it).
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.ts';

let version: string | undefined;

export function dossierVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** The User-Agent header; `contact` defaults to the DOSSIER_CONTACT environment variable. */
export function userAgent(contact: string | undefined = process.env.DOSSIER_CONTACT): string {
  const c = contact?.trim();
  return `Dossier/${dossierVersion()}${c ? ` (+${c})` : ''}`;
}

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'Dossier';
