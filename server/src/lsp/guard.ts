// No handler may take the server down: an exception in one request or notification is logged to the
// client's output channel ("MIM Lint") and answered with a harmless fallback.
import type { RemoteConsole } from 'vscode-languageserver';

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Wraps `handler` so that a throw or a rejection is logged under `name` and yields `fallback`. */
export function guarded<Args extends unknown[], Result>(
  console: RemoteConsole,
  name: string,
  fallback: Result,
  handler: (...args: Args) => Result | Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
