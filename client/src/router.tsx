import './i18n';
import { createBrowserRouter, redirect } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { NotFoundPage } from './shared/NotFoundPage';
import { PageLoading } from './shared/PageLoading';
import { RouteErrorPage } from './shared/RouteErrorPage';

/**
 * Every page is a lazy route. The public answer page (/s/:token) is not one of
 * them: main.tsx serves it without this router or i18next, so a rater opening a
 * link downloads none of the console's code.
 */
export const router = createBrowserRouter([
  {
    id: 'root',
    hydrateFallbackElement: <PageLoading />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, loader: () => redirect('/admin') },
      { path: 'login', lazy: () => import('./admin/LoginPage') },
      // Outside the console's frame so that only the letters and the report print; ranked above admin/* by their static segments.
      { path: 'admin/campaigns/:id/letters', lazy: () => import('./admin/letters/InvitationLettersPage') },
      { path: 'admin/campaigns/:id/report', lazy: () => import('./admin/results/ReportPage') },
      // The published awards, for everyone: no sign-in and none of the console's code.
      { path: 'results/:slug', lazy: () => import('./public/PublicResultsPage') },
      {
        id: 'admin',
        path: 'admin',
        lazy: () => import('./admin/AdminShell'),
        children: [
          { index: true, lazy: () => import('./admin/pages/OverviewPage') },
          { path: 'directory', loader: () => redirect('/admin/directory/departments') },
          { path: 'directory/departments', lazy: () => import('./admin/pages/DepartmentsPage') },
          { path: 'directory/districts', lazy: () => import('./admin/pages/DistrictsPage') },
          { path: 'directory/enterprises', lazy: () => import('./admin/pages/EnterprisesPage') },
          { path: 'directory/import', lazy: () => import('./admin/pages/DirectoryImportPage') },
          { path: 'campaigns', lazy: () => import('./admin/pages/CampaignsPage') },
          { path: 'campaigns/:id', lazy: () => import('./admin/pages/CampaignDetailPage') },
          { path: 'campaigns/:id/results/:kind/:code', lazy: () => import('./admin/results/TargetDetailPage') },
          { path: 'users', lazy: () => import('./admin/pages/UsersPage') },
          { path: 'audit', lazy: () => import('./admin/pages/AuditPage') },
          { path: 'my-cases', lazy: () => import('./admin/cases/MyCasesPage') },
          { path: 'my-results', lazy: () => import('./admin/results/MyResultsPage') },
          { path: 'settings/calendar', lazy: () => import('./admin/cases/WorkingDayCalendarPage') },
          { path: 'settings/case-categories', lazy: () => import('./admin/cases/CaseCategoriesPage') },
          { path: '*', lazy: () => import('./admin/pages/ConsoleNotFoundPage') },
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);

export function Component() {
  return <RouterProvider router={router} />;
}
