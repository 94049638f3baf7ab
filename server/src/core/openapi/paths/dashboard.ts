import { json, ok, type RouteTable } from '../route-doc.js';

/** `/api/dashboard`: figures of the caller's own. */
export const DASHBOARD_ROUTES: RouteTable = {
  'GET /api/dashboard/coach': {
    tag: 'Dashboard',
    summary: 'The coach’s overview: this week, waiting requests, the last twelve months',
    description:
      'Weeks (Monday to Sunday) and months are calendar ones in the coach’s time zone. Revenue per month is the stored quotes of the sessions completed that month plus the cancellation fees charged that month, in the coach’s current currency; amounts booked in another currency are listed apart, unconverted.',
    auth: 'bearer',
    access: 'coaches',
    responses: { 200: ok(json('CoachOverviewDTO')) },
    errors: { 403: ['FORBIDDEN'] },
  },
};
