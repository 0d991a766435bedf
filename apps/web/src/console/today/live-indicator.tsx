import { updatedAt } from './visit-labels';

/** Whether the page follows the service live, and when its figures were computed. */
export function LiveIndicator({ live, generatedAt }: { live: boolean; generatedAt?: string }) {
  return (
    <p className="live" aria-live="polite">
      <span className={`badge ${live ? 'ok' : 'muted'}`}>{live ? 'Live' : 'Reconnecting'}</span>
      {generatedAt && <> · updated {updatedAt(generatedAt)}</>}
    </p>
  );
}
