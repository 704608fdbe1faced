/**
 * Form posts to the hosted pages: urlencoded bodies (small), and only from our own origin — the
 * pages post to themselves, and the one-time token in the form is what a forger lacks anyway.
 * Their answers are never stored: the redirects carry a session hand-over code in `Location`.
 */
import express, { type RequestHandler } from 'express';
import { ApiError, CommonErrors } from './errors';

export function hostedFormGuards(publicUrl: string): RequestHandler[] {
  const own = new URL(publicUrl).origin;
  const sameOrigin: RequestHandler = (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    // The pages send `Referrer-Policy: no-referrer`, under which browsers post their forms with
    // `Origin: null`; Fetch Metadata (which pages cannot forge) then vouches for same-origin.
    const nullButSameOrigin = origin === 'null' && site === 'same-origin';
    if (
      (origin !== undefined && origin !== own && !nullButSameOrigin) ||
      site === 'cross-site' ||
      site === 'same-site'
    ) {
      throw ApiError.of(CommonErrors, 'forbidden_origin');
    }
    next();
  };
  return [sameOrigin, express.urlencoded({ extended: false, limit: '10kb', parameterLimit: 10 })];
}
