/**
 * The tool's own name and version, and the installed versions of its runtime dependencies
 * (what actually ran, not the ranges in package.json): for the run manifest and for the
 * report's provenance section.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};

/** The tool's name, from package.json ("ips-rct"). */
export const TOOL_NAME = projectPackage.name;

/** The tool's own version, from package.json. */
export const TOOL_VERSION = projectPackage.version;

/**
 * Installed versions of the runtime dependencies, by package name in alphabetical order;
 * "unknown" for one that cannot be found.
 * @example installedVersions().vega // '6.4.0'
 */
export function installedVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(projectPackage.dependencies).sort()) {
    out[name] = versionOf(name);
  }
  return out;
}

// Some packages (vega) do not export package.json, so walk up from the resolved entry.
function versionOf(name: string): string {
  for (const entry of [`${name}/package.json`, name]) {
    const v = versionFrom(name, entry);
    if (v) return v;
  }
  return 'unknown';
}

function versionFrom(name: string, entry: string): string | null {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(entry)));
    while (dir !== dirname(dir)) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      }
      dir = dirname(dir);
    }
  } catch {
    // Not resolvable this way; the caller tries the next entry point.
  }
  return null;
}
