// Loading, empty and error states every list and page uses, and problem+json display.
import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ProblemError } from "../api/problem";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {label ?? t("state.loading")}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <p className="state state-empty">{children ?? t("state.empty")}</p>;
}

/** A problem+json (or any error) as an alert: title, detail and each field's message. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ProblemError ? error.problem : null;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{problem?.title ?? t("state.error")}</strong>
      <p>{problem?.detail ?? (error instanceof Error ? error.message : String(error))}</p>
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>
              <code>{e.loc.filter((part) => part !== "body").join(".")}</code>: {e.msg}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("state.retry")}
        </button>
      ) : null}
    </div>
  );
}

/** The message the service gave for one field, shown under it. */
export function FieldError({ error, field, id }: { error: unknown; field: string; id?: string }) {
  const message = error instanceof ProblemError ? error.fieldError(field) : undefined;
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}

/** Renders a query's loading, error or empty state, or its data. */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}

/** A list's loading, error (with a retry) or empty state, else the list itself: for
 * paged (infinite) queries and lists built from a query, where `count` is what was
 * found. */
export function ListState({
  query,
  count,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  count: number;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (count === 0) return <Empty>{empty}</Empty>;
  return <>{children}</>;
}

/** 412 Precondition Failed: someone changed the resource; offer a reload. */
export function ConflictNotice({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ProblemError) || error.status !== 412) return null;
  return (
    <div className="alert alert-warning" role="alert">
      <strong>{t("conflict.title")}</strong>
      <p>{t("conflict.detail")}</p>
      <button type="button" onClick={onReload}>
        {t("conflict.reload")}
      </button>
    </div>
  );
}
