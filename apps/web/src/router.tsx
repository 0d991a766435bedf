import { AnchorHTMLAttributes, MouseEvent, useEffect, useState } from 'react';

/**
 * A few pages need no router library: the path is the page, `navigate` changes it without a
 * reload, and the back button works through popstate.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const changed = () => setPath(window.location.pathname);
    window.addEventListener('popstate', changed);
    // A navigate() between the first render and this effect (a signed-out visit to a staff
    // page redirects at once) fired its popstate before anyone listened: catch up with it.
    changed();
    return () => window.removeEventListener('popstate', changed);
  }, []);
  return path;
}

/**
 * The address's query (`?patient=…`), followed like the path: `usePath` alone would not
 * re-render a page whose path stays the same while its query changes.
 */
export function useSearch(): string {
  const [search, setSearch] = useState(window.location.search);
  useEffect(() => {
    const changed = () => setSearch(window.location.search);
    window.addEventListener('popstate', changed);
    changed();
    return () => window.removeEventListener('popstate', changed);
  }, []);
  return search;
}

/** A link that changes the page in place; modified clicks (new tab) keep the browser's way. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
