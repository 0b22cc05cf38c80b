#!/usr/bin/env node
// Compiles every workspace (libs/*, services/*) from src/ to dist/ with SWC. Type-checking is
// separate (`npm run typecheck`), so a build takes seconds. Libraries resolve one another at
// run time through the workspace links in node_modules/@atrium, whose package.json "main"
// points at dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const swc = join(root, 'node_modules', '.bin', 'swc');
const workspaces = ['libs', 'services'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, 'src')))
    .map((entry) => join(group, entry.name)),
);

const started = Date.now();
for (const workspace of workspaces) {
  const dist = join(root, workspace, 'dist');
  rmSync(dist, { recursive: true, force: true });
  execFileSync(
    swc,
    ['src', '-d', 'dist', '--strip-leading-paths', '--config-file', join(root, '.swcrc'), '--ignore', '**/*.spec.ts', '--quiet'],
    { cwd: join(root, workspace), stdio: 'inherit' },
  );
}
console.log(`built ${workspaces.length} workspaces in ${((Date.now() - started) / 1000).toFixed(1)} s`);
