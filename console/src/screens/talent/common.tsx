// Small pieces the talent screens share.
import type { ReactNode } from "react";

export function Tags({ values, label }: { values: string[]; label: string }): ReactNode {
  if (!values.length) return <span className="hint">—</span>;
  return (
    <ul className="tp-tags" aria-label={label}>
      {values.map((v) => (
        <li key={v} className="badge">
          {v}
        </li>
      ))}
    </ul>
  );
}

