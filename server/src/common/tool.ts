// Who we are, for --version, JSON and SARIF. esbuild inlines the one field imported from package.json.
import { version } from '../../../package.json';
import { repositoryUrl } from '../engine/index';

export const toolName = 'mim-lint';
export const toolVersion: string = version;
export const toolInformationUri = repositoryUrl;
