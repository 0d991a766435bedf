import { ReactNode } from 'react';
import { useAuth, usePerson } from '../auth/auth-context';
import { Link, navigate } from '../router';

const SECTIONS = [
  { href: '/console/today', label: 'Today' },
  { href: '/console/issues', label: 'Issue queue' },
  { href: '/console/book', label: 'Book a visit' },
  { href: '/console/status', label: 'Platform status' },
  { href: '/console/contacts', label: 'Contacts' },
  { href: '/reports', label: 'Reports' },
] as const;

/** The staff pages' frame: a skip link, the sections, who is signed in, and the page itself. */
export function ConsoleShell({ path, children }: { path: string; children: ReactNode }) {
  const { signOut } = useAuth();
  const person = usePerson();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <p className="brand">Telehealth Coordinator</p>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(({ href, label }) => (
              <li key={href}>
                <Link href={href} aria-current={path.startsWith(href) ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="who">
          <span>
            {person.name} · {person.role}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              signOut();
              navigate('/sign-in');
            }}
          >
            Sign out
          </button>
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
