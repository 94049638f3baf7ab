import express, { type RequestHandler } from 'express';

/**
 * Serves the local driver's files. Names are random and never reused, so a year of caching is
 * safe; nosniff makes browsers trust only the checked image type, never guess from the bytes.
 */
export function serveUploads(dir: string): RequestHandler {
  return express.static(dir, {
    index: false,
    dotfiles: 'deny',
    redirect: false,
    immutable: true,
    maxAge: '365d',
    setHeaders(res) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
}
