/**
 * Renders the notice for a secret that the server returns only once, such as a new API key or a
 * temporary password. `children` shows the secret and the buttons that go with it.
 */
export function OneTimeSecretNotice(props: {
  title: string;
  warning: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded-tremor-default border border-amber-300 bg-amber-50 p-4"
    >
      <p className="font-medium text-tremor-content-strong">{props.title}</p>
      <p className="text-tremor-default text-amber-800">{props.warning}</p>
      {props.children}
    </div>
  );
}
