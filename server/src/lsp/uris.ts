// Document URIs and the file names the engine expects. The engine decides what a file is from its
// base name, so any scheme works as long as the path survives decoding.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file system path of a `file:` URI, else the decoded path of any other URI; undefined if unparsable. */
export function fileNameOf(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

const uriPattern = /^[a-z][a-z0-9+.-]+:\/\//i;

/**
 * The URI for a file the engine named in related information. The linted document keeps the exact URI
 * the client sent (clients compare URIs as strings, and encode drive letters differently).
 */
export function uriOfFile(file: string, document: { uri: string; fileName: string }): string {
  if (file === document.fileName) return document.uri;
  if (uriPattern.test(file)) return file;
  return pathToFileURL(file).href;
}
