import { FormAlert } from "./form-alert";

/**
 * Renders a table of records under an optional error alert, with one header per column and a last
 * column without header for the row's buttons. `children` are the body rows.
 */
export function DataTable(props: {
  columns: string[];
  error: string | null;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto px-6 pb-4">
      <FormAlert message={props.error} className="mb-2" />
      <table className="w-full text-left text-tremor-default">
        <thead className="text-tremor-content">
          <tr>
            {props.columns.map((column) => (
              <th key={column} className="py-2 pr-4 font-medium">
                {column}
              </th>
            ))}
            <th className="py-2" />
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
