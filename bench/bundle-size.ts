/**
 * The production build's JavaScript sizes (gzip): the initial JS against the goal of 150 KB, each
 * chunk loaded later (route pages, lazy libraries) with what opening it adds, and whether German
 * strings travel with the initial JS. Reads `client/dist` (the npm script builds it first).
 *
 *   npm run bench:bundle
 */
import path from 'node:path';
import { measureBundle, printBundle } from './lib/bundle.js';
import { REPO_ROOT } from './lib/product-server.js';

printBundle(measureBundle(path.join(REPO_ROOT, 'client')));
