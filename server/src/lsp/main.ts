// Entry point of dist/server.js. The transport comes from the command line: `--stdio` (other editors,
// tests) or `--node-ipc` (the VS Code client); createConnection reads it from process.argv.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
