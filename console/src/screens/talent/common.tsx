// Small pieces the talent screens share.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

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

export function MoreButton({
  hasNext,
  fetching,
  onMore,
}: {
  hasNext: boolean;
  fetching: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation("talent");
  if (!hasNext) return null;
  return (
    <button type="button" onClick={onMore} disabled={fetching}>
      {t("more")}
    </button>
  );
}
