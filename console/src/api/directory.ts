// Finding people, org units and positions by what a person types: org's searches as
// TanStack query options (a form asks for the text in each field), the labels a list
// offers them by, and a label's way back to the id the APIs take.
import { api, data } from "./client";

export type Person = { id: string; name: string; email?: string | null };
export type Unit = { id: string; name: string; path_names: string[] };

/** How a staff member is offered in a list: name and email (names repeat). */
export const personLabel = (p: Person) => (p.email ? `${p.name} <${p.email}>` : p.name);
/** How an org unit is offered: its path of names, root first. */
export const unitLabel = (u: Unit) => u.path_names.join(" / ");

/** What the people search is asked for a member's text: a picked "Name <email>" by its
 * email (the name alone may fit several people), anything else as typed. */
const personQuery = (text: string) => /<([^<>]+)>\s*$/.exec(text)?.[1] ?? text;

/** The first matches in the staff directory, or among the org units, for a field's text
 * (the first by name when it is empty): its list, and what the text resolves among. */
export const peopleSearch = (text: string) => {
  const q = searchText(personQuery(text));
  return {
    queryKey: ["people", "search", q ?? ""],
    queryFn: () =>
      data(api().org.GET("/api/v1/people", { params: { query: { active: true, q, limit: SEARCH_LIMIT } } })),
    staleTime: 60_000,
    retry: false,
  };
};
export const unitSearch = (text: string) => {
  const q = searchText(text);
  return {
    queryKey: ["org-units", "search", q ?? ""],
    queryFn: () => data(api().org.GET("/api/v1/org-units", { params: { query: { q, limit: SEARCH_LIMIT } } })),
    staleTime: 60_000,
    retry: false,
  };
};
const searchText = (text: string) => text.trim().split(/\s+/).join(" ").slice(0, 200) || undefined;
const SEARCH_LIMIT = 50;

/** Text → id: the one item whose label (or name) it is, else the text itself; null when
 * the text names several items (two people of the same name: pick one with its email). */
export function byLabel<T extends { id: string }>(items: T[], labels: (item: T) => string[]) {
  const found = new Map<string, string | null>();
  for (const item of items) {
    for (const label of new Set(labels(item))) {
      found.set(label, found.has(label) && found.get(label) !== item.id ? null : item.id);
    }
  }
  return (text: string): string | null => {
    const typed = text.trim();
    return found.has(typed) ? found.get(typed)! : typed;
  };
}

/** How a position is offered: its title, and its code when it has one. */
export const positionLabel = (p: { title: string; code?: string | null }) => (p.code ? `${p.title} (${p.code})` : p.title);

export const positionSearch = (text: string) => {
  const q = searchText(text);
  return {
    queryKey: ["positions", "search", q ?? ""],
    queryFn: () => data(api().org.GET("/api/v1/positions", { params: { query: { q, limit: SEARCH_LIMIT } } })),
    staleTime: 60_000,
    retry: false,
  };
};
