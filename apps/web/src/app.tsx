import { ReactNode } from 'react';
import { AuthProvider, useAuth } from './auth/auth-context';
import { CallbackPage } from './auth/callback-page';
import { homeOf, SignInPage } from './auth/sign-in-page';
import { BookingPage } from './console/booking-page';
import { ContactsPage } from './console/contacts-page';
import { IssuesPage } from './console/issues-page';
import { StatusPage } from './console/status-page';
import { TodayPage } from './console/today-page';
import { ConsoleShell } from './layout/console-shell';
import { ReportsPage } from './reports/reports-page';
import { navigate, usePath } from './router';
import { VisitPage } from './visit/visit-page';

const STAFF_PAGES: Record<string, { title: string; page: () => ReactNode }> = {
  '/console/today': { title: 'Today', page: TodayPage },
  '/console/issues': { title: 'Issue queue', page: IssuesPage },
  '/console/book': { title: 'Book a visit', page: BookingPage },
  '/console/status': { title: 'Platform status', page: StatusPage },
  '/console/contacts': { title: 'Contact preferences', page: ContactsPage },
  '/reports': { title: 'Reports', page: ReportsPage },
};

function Pages() {
  const path = usePath();
  const { person } = useAuth();
  if (path === '/join') return <Titled title="Your visit" page={<VisitPage />} />;
  if (path === '/callback') return <Titled title="Signing in" page={<CallbackPage />} />;
  if (path === '/sign-in') return <Titled title="Sign in" page={<SignInPage />} />;
  const staff = STAFF_PAGES[path];
  if (!person) {
    // Staff pages need a signed-in person; they come back here afterwards.
    const returnTo = staff ? `?returnTo=${encodeURIComponent(path)}` : '';
    queueMicrotask(() => navigate(`/sign-in${returnTo}`, { replace: true }));
    return null;
  }
  if (!staff) {
    queueMicrotask(() => navigate(homeOf(person.role), { replace: true }));
    return null;
  }
  const Page = staff.page;
  return (
    <ConsoleShell path={path}>
      <Titled title={staff.title} page={<Page />} />
    </ConsoleShell>
  );
}

/** Each page names itself in the tab: screen readers announce it, and tabs tell pages apart. */
function Titled({ title, page }: { title: string; page: ReactNode }) {
  document.title = `${title} · Telehealth Coordinator`;
  return <>{page}</>;
}

export function App() {
  return (
    <AuthProvider>
      <Pages />
    </AuthProvider>
  );
}
