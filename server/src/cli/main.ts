// planlint command line (placeholder until the CLI lands).
console.error('planlint: the command line is not built yet');
process.exit(2);
