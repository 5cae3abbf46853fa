// The two failures the user can do something about. main prints their message on one line (no stack)
// and exits 2; anything else is a bug and is reported as an internal error, also without a stack.

/** Bad command line: unknown option, bad value, no path. */
export class UsageError extends Error {}

/** A path that cannot be read (or, with --fix, written). */
export class FileAccessError extends Error {}

/** The human half of a Node file-system error ("no such file or directory"), without code and syscall. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many levels of symbolic links',
    EISDIR: 'is a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EBUSY: 'the file is in use',
  };
  if (code && known[code]) return known[code];
  return error instanceof Error ? error.message : String(error);
}
