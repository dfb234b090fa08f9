/**
 * Renders an error message as an alert, so screen readers announce it. Renders nothing without a
 * message.
 */
export function FormAlert(props: { message: string | null | undefined; className?: string }) {
  if (!props.message) return null;

  return (
    <p role="alert" className={`${props.className ?? ""} text-tremor-default text-red-700`.trim()}>
      {props.message}
    </p>
  );
}
