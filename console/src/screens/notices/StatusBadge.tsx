import { useTranslation } from "react-i18next";

const TONE: Record<string, string> = {
  sent: "badge-ok",
  pending_review: "badge-warning",
  failed: "badge-danger",
  unknown: "badge-danger",
  cancelled: "",
  scheduled: "",
  sending: "",
};

/** A notice's status in words (colour only repeats them). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("notices");
  return <span className={`badge ${TONE[status] ?? ""}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}
