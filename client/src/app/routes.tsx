import type { RouteObject } from 'react-router-dom';

import { HydrateLater } from '@/components/ui/hydrate-later';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { paths } from '@/config/paths';

import { RootLayout } from './layout/root-layout';
import { RequireAuth } from './routes/require-auth';
import { RequireRole } from './routes/require-role';
import { RouteErrorPage } from './routes/route-error-page';

/**
 * The route table. Every page is its own chunk (`lazy`), so the first load carries only the
 * shell and the page being opened.
 */
export const appRoutes: RouteObject[] = [
  {
    path: paths.home.path,
    // A server-rendered page hydrates in slices (the layout, then the page), not in one long task.
    element: (
      <HydrateLater>
        <RootLayout />
      </HydrateLater>
    ),
    errorElement: <RouteErrorPage />,
    HydrateFallback: LoadingScreen,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('@/features/landing/pages/landing-page')).LandingPage,
        }),
      },
      {
        path: paths.auth.login.path,
        lazy: async () => ({
          Component: (await import('@/features/auth/pages/login-page')).LoginPage,
        }),
      },
      {
        path: paths.auth.register.path,
        lazy: async () => ({
          Component: (await import('@/features/auth/pages/register-page')).RegisterPage,
        }),
      },
      {
        path: paths.app.coaches.path,
        lazy: async () => ({
          Component: (await import('@/features/coaches/pages/coach-directory-page'))
            .CoachDirectoryPage,
        }),
      },
      {
        path: paths.app.coachMatch.path,
        lazy: async () => ({
          Component: (await import('@/features/coaches/pages/coach-match-page')).CoachMatchPage,
        }),
      },
      {
        path: paths.app.coach.path,
        lazy: async () => ({
          Component: (await import('./routes/coach-profile-route')).CoachProfileRoute,
        }),
      },
      {
        // For development; a server without an outbox answers 404 and the page says so.
        path: paths.dev.outbox.path,
        lazy: async () => ({
          Component: (await import('@/features/dev-outbox/pages/outbox-page')).OutboxPage,
        }),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: paths.app.dashboard.path,
            lazy: async () => ({
              Component: (await import('./routes/dashboard-route')).DashboardRoute,
            }),
          },
          {
            path: paths.app.account.path,
            lazy: async () => ({
              Component: (await import('@/features/account/pages/account-settings-page'))
                .AccountSettingsPage,
            }),
          },
          {
            element: <RequireRole roles={['client', 'coach']} />,
            children: [
              {
                path: paths.app.bookings.path,
                lazy: async () => ({
                  Component: (await import('./routes/my-bookings-route')).MyBookingsRoute,
                }),
              },
              {
                // Where the payment provider sends a client back after paying for a booking.
                path: paths.app.checkoutReturn.path,
                lazy: async () => ({
                  Component: (await import('./routes/checkout-return-route')).CheckoutReturnRoute,
                }),
              },
              {
                path: paths.app.bookingReceipt.path,
                lazy: async () => ({
                  Component: (await import('@/features/payments/pages/receipt-page')).ReceiptPage,
                }),
              },
              {
                path: paths.app.messages.path,
                lazy: async () => ({
                  Component: (await import('./routes/messages-route')).MessagesRoute,
                }),
              },
              {
                path: paths.app.packages.path,
                lazy: async () => ({
                  Component: (await import('./routes/my-packages-route')).MyPackagesRoute,
                }),
              },
              {
                // Where the payment provider sends a client back after paying for a package.
                path: paths.app.packageCheckoutReturn.path,
                lazy: async () => ({
                  Component: (
                    await import('@/features/packages/pages/package-checkout-return-page')
                  ).PackageCheckoutReturnPage,
                }),
              },
              {
                path: paths.app.coachBooking.path,
                lazy: async () => ({
                  Component: (await import('./routes/book-session-route')).BookSessionRoute,
                }),
              },
            ],
          },
          {
            element: <RequireRole roles={['coach']} />,
            children: [
              {
                path: paths.app.practice.path,
                lazy: async () => ({
                  Component: (await import('./routes/practice-route')).PracticeRoute,
                }),
              },
              {
                path: paths.app.practiceOverview.path,
                lazy: async () => ({
                  Component: (await import('@/features/coach-overview/pages/coach-overview-page'))
                    .CoachOverviewPage,
                }),
              },
              {
                path: paths.app.practiceProfile.path,
                lazy: async () => ({
                  Component: (await import('@/features/coaches/pages/coach-profile-editor-page'))
                    .CoachProfileEditorPage,
                }),
              },
            ],
          },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              {
                // The administration: a sub-navigation above one lazy page per section.
                path: paths.app.admin.path,
                lazy: async () => ({
                  Component: (await import('@/features/admin/components/admin-layout')).AdminLayout,
                }),
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/pages/admin-overview-page'))
                        .AdminOverviewPage,
                    }),
                  },
                  {
                    path: paths.app.adminUsers.path,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/pages/admin-users-page'))
                        .AdminUsersPage,
                    }),
                  },
                  {
                    path: paths.app.adminCoaches.path,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/pages/coach-verification-page'))
                        .CoachVerificationPage,
                    }),
                  },
                  {
                    path: paths.app.adminReports.path,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/pages/admin-reports-page'))
                        .AdminReportsPage,
                    }),
                  },
                  {
                    path: paths.app.adminReviews.path,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/pages/admin-reviews-page'))
                        .AdminReviewsPage,
                    }),
                  },
                  {
                    path: paths.app.adminBookings.path,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/pages/admin-bookings-page'))
                        .AdminBookingsPage,
                    }),
                  },
                  {
                    path: paths.app.adminAuditLog.path,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/pages/admin-audit-log-page'))
                        .AdminAuditLogPage,
                    }),
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        path: '*',
        lazy: async () => ({
          Component: (await import('./routes/not-found-page')).NotFoundPage,
        }),
      },
    ],
  },
];
