#!/usr/bin/env node
// Starts the offline MongoDB engine; see ../README.md. Needs `npm run build -w tools/memory-mongo`.
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).catch((error) => {
  console.error(`memory-mongo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
