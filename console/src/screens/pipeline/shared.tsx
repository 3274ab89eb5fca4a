// Pieces the pipeline screens share: a candidate's name, status badges, the screening
// explanation and re-screen flags, and paged lists.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import type { ApplicationStatus, ApplicationSummary, Unmet } from "./types";

export function useCandidate(id: string | undefined) {
  return useQuery({
    queryKey: ["candidate", id],
    enabled: !!id,
    queryFn: () =>
      data(api().recruiting.GET("/api/v1/candidates/{candidate_id}", { params: { path: { candidate_id: id! } } })),
    staleTime: 60_000,
  });
}

export function useOpening(positionId: string | undefined) {
  return useQuery({
    queryKey: ["opening", positionId],
    enabled: !!positionId,
    queryFn: () =>
      data(api().recruiting.GET("/api/v1/openings/{position_id}", { params: { path: { position_id: positionId! } } })),
    staleTime: 60_000,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ["application", id],
    enabled: !!id,
    queryFn: () =>
      data(api().recruiting.GET("/api/v1/applications/{application_id}", { params: { path: { application_id: id! } } })),
  });
}

export function CandidateName({ id }: { id: string }) {
  const { t } = useTranslation("pipeline");
  const candidate = useCandidate(id);
  if (candidate.isPending) return <span className="hint">{t("loadingName")}</span>;
  if (candidate.isError) return <span className="hint">{id.slice(0, 8)}</span>;
  return <>{candidate.data.name}</>;
}

const TONE: Partial<Record<ApplicationStatus, string>> = {
  screened_out: "badge-danger",
  rejected: "badge-danger",
  hired: "badge-ok",
  offer: "badge-ok",
  interviewing: "badge-warning",
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation("pipeline");
  return <span className={`badge ${TONE[status] ?? ""}`}>{t(`status.${status}`)}</span>;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(show).join(", ") || "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Which requirement was not met, what the position expects and what the candidate has. */
export function ScreeningExplanation({ unmet, passed }: { unmet: Unmet[]; passed: boolean }) {
  const { t } = useTranslation("pipeline");
  if (passed && unmet.length === 0) return <span className="badge badge-ok">{t("screening.passed")}</span>;
  return (
    <ul className="unmet" data-testid="screening-explanation">
      {unmet.map((u, i) => (
        <li key={i}>
          <strong>{t(`requirement.${u.requirement}`, { defaultValue: u.requirement })}</strong>
          {": "}
          {t("screening.expected")} <span className="value">{show(u.expected)}</span>
          {" · "}
          {t("screening.actual")} <span className="value">{show(u.actual)}</span>
        </li>
      ))}
    </ul>
  );
}

export function Flags({ flags }: { flags: ApplicationSummary["flags"] }) {
  const { t } = useTranslation("pipeline");
  if (!flags.length) return null;
  return (
    <ul className="flags">
      {flags.map((f, i) => (
        <li key={i}>
          <span className="badge badge-warning">⚑ {t(`flag.${f.code}`)}</span> <span className="hint">{f.detail}</span>
        </li>
      ))}
    </ul>
  );
}


