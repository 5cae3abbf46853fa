// Entry point of the mim-lint CLI (being written)
