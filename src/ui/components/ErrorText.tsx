/** An error announced to screen readers as it appears. */
export function ErrorText({ message }: { message: string | null }) {
  return (
    <p class="error" role="alert" aria-live="assertive">
      {message ?? ''}
    </p>
  );
}
