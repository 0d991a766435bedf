import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { loadPerson, savePerson, SignedInPerson } from './signed-in-person';

interface Auth {
  readonly person?: SignedInPerson;
  signIn(person: SignedInPerson): void;
  signOut(): void;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [person, setPerson] = useState<SignedInPerson | undefined>(loadPerson);
  const auth = useMemo<Auth>(
    () => ({
      ...(person ? { person } : {}),
      signIn(next) {
        savePerson(next);
        setPerson(next);
      },
      signOut() {
        savePerson(undefined);
        setPerson(undefined);
        // Signed in at the health system's provider: its session ends too, then it sends the
        // person back to /sign-in.
        if (person?.signOutUrl) window.location.assign(person.signOutUrl);
      },
    }),
    [person],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in person on a page that requires one (the console shell ensures there is). */
export function usePerson(): SignedInPerson {
  const { person } = useAuth();
  if (!person) throw new Error('usePerson on a page without a signed-in person');
  return person;
}
