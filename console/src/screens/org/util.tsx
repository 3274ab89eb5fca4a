// Helpers the org and settings screens share: field-level problem messages by full path,
// list inputs, and the typed shapes of the org-service answers.
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema/org";
import { ProblemError } from "../../api/problem";

export type Position = components["schemas"]["PositionRead"];
export type OrgNode = components["schemas"]["OrgUnitNode"];
export type PositionVersion = components["schemas"]["PositionVersionRead"];
export type Requirements = components["schemas"]["RequirementsRead"];

export const EDUCATION = ["none", "secondary", "associate", "bachelor", "master", "phd"] as const;
export const UNIT_KINDS = ["company", "business_unit", "division", "department", "team"] as const;

/** The service's message for a field named by its path without `body` (e.g.
 * "evaluation_scheme.dimensions.0.weight"); a path ending matches too ("title"). */
export function problemAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const found = error.problem.errors?.find((e) => {
    const joined = e.loc.filter((part) => part !== "body").join(".");
    return joined === path;
  });
  return found?.msg;
}

/** Field errors not shown beside any of the given fields (so none is lost). */
export function otherProblems(error: unknown, shown: (path: string) => boolean): string[] {
  if (!(error instanceof ProblemError)) return [];
  return (error.problem.errors ?? [])
    .map((e) => ({ path: e.loc.filter((part) => part !== "body").join("."), msg: e.msg }))
    .filter((e) => !shown(e.path))
    .map((e) => `${e.path}: ${e.msg}`);
}

export function FieldMsg({ error, path, id }: { error: unknown; path: string; id: string }) {
  const message = problemAt(error, path);
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}

/** aria props for an input whose field may carry a problem. */
export function invalidProps(error: unknown, path: string, id: string) {
  const bad = problemAt(error, path) !== undefined;
  return bad ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}

export function splitList(text: string): string[] {
  return text
    .split(/[,，;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isConflict(error: unknown): boolean {
  return error instanceof ProblemError && error.status === 412;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("org");
  return <span className={`badge ${status === "open" ? "badge-ok" : "badge-warning"}`}>{t(`status.${status}`, status)}</span>;
}

/** Flattens the tree (depth-first, by name) for pickers. */
export function flatten(nodes: OrgNode[], depth = 0): { id: string; name: string; depth: number; kind: string }[] {
  return nodes.flatMap((n) => [
    { id: n.id, name: n.name, depth, kind: n.kind },
    ...flatten(n.children ?? [], depth + 1),
  ]);
}

/** The ids of a unit and every unit below it. */
export function subtreeIds(nodes: OrgNode[], unitId: string): Set<string> {
  const find = (list: OrgNode[]): OrgNode | undefined =>
    list.reduce<OrgNode | undefined>((hit, n) => hit ?? (n.id === unitId ? n : find(n.children ?? [])), undefined);
  const root = find(nodes);
  return new Set(root ? [root.id, ...flatten(root.children ?? []).map((u) => u.id)] : [unitId]);
}
