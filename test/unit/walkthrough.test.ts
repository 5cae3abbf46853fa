// The "Get started with MIM Lint" walkthrough: each step's page exists and is shipped in the .vsix, and
// each command link names a command the extension contributes (or a built-in one it means to open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const contributes = JSON.parse(readFileSync('package.json', 'utf8')).contributes;
const builtIn = ['workbench.action.openSettings', 'workbench.action.openSettingsJson'];

test('the walkthrough covers the host profile, fix on save and the readiness report', () => {
  const [walkthrough] = contributes.walkthroughs;
  const steps: { id: string; description: string; media: { markdown: string }; completionEvents: string[] }[] = walkthrough.steps;
  assert.deepEqual(steps.map((step) => step.id), ['hostProfile', 'fixOnSave', 'readinessReport']);
  const commands: string[] = contributes.commands.map((c: { command: string }) => c.command);
  const ignore = readFileSync('.vscodeignore', 'utf8').split(/\r?\n/);
  assert.ok(ignore.includes('!docs/walkthrough/**'), '.vscodeignore lets the walkthrough pages into the .vsix');
  for (const step of steps) {
    assert.match(step.media.markdown, /^docs\/walkthrough\/[a-z-]+\.md$/);
    assert.ok(existsSync(step.media.markdown), `${step.media.markdown} exists`);
    const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.ok(links.length > 0, `${step.id} links a command`);
    for (const link of links) assert.ok(commands.includes(link) || builtIn.includes(link), `${step.id}: unknown command ${link}`);
    for (const event of step.completionEvents) {
      const command = /^onCommand:(.+)$/.exec(event)?.[1];
      if (command) assert.ok(commands.includes(command), `${step.id}: completion on unknown command ${command}`);
    }
  }
  assert.match(readFileSync('docs/walkthrough/fix-on-save.md', 'utf8'), /"source\.fixAll\.mimLint": "explicit"/);
});
