// relatedInformation for script findings: the commands that last set TLS 1.1 Client on the paths to a
// step, or, where the state comes from before the script, the host evidence or the caller's call.
import type { SourceText } from '../../source-text';
import type { Location } from '../../types';
import type { ScriptFacts, ScriptStep } from '../facts';

export function tls11SetterLocations(source: SourceText, script: ScriptFacts, step: ScriptStep, message: string): Location[] {
  const locations: Location[] = [];
  for (const offset of step.tls11SetBy) {
    if (offset < 0) {
      locations.push(...script.tls11Evidence);
      continue;
    }
    const command = script.model.commands.find((c) => c.start === offset);
    if (command) locations.push({ file: source.fileName, start: command.start, end: command.end, line: source.positionAt(command.start).line, message });
  }
  return locations;
}

/** The path's own writes (not the host or a caller) decided TLS 1.1 Client before the step. */
export function setByScript(step: ScriptStep): boolean {
  return step.tls11SetBy.some((offset) => offset >= 0);
}
