// planlint language server entry point (placeholder until the server lands).
process.exit(0);
