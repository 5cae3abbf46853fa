// Entry point: node dist/server.js --stdio | --node-ipc (being written)
