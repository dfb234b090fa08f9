/** Renders the brand-coloured button that starts the main action of a form or page. */
export function PrimaryButton(
  props: Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "className">,
) {
  return (
    <button
      {...props}
      className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
    />
  );
}
