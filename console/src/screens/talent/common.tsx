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


// The candidate's contact wish as the survey left it: said yes, said no (out of matching,
// invitations and reminders), or not said.
export function contactWish(profile: {
  open_to_contact: boolean;
  declined_contact_at?: string | null;
}): "open" | "declined" | "notOpen" {
  if (profile.open_to_contact) return "open";
  return profile.declined_contact_at ? "declined" : "notOpen";
}
