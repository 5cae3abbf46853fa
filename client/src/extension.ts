// VS Code client (being written)
