// The SARIF 2.1.0 JSON schema (draft-04) as shipped by @microsoft/jest-sarif, compiled once for the
// tests that check every SARIF log the CLI and the GitHub Action write.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';

// Read by path (npm test runs from the repository root): esbuild would warn on require.resolve.
const schemaPath = join(process.cwd(), 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: the schema's language pattern ("…{2}]?$") is valid only without the u flag.
export const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

export function assertValidSarif(log: unknown): void {
  assert.ok(validateSarif(log), `schema errors: ${JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2)}`);
}
