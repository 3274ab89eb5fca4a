// The flagged phrases of a notice, highlighted with <mark> in its text.
import type { ReactNode } from "react";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `text` with every occurrence of `phrases` (case-insensitive) wrapped in <mark>. */
export function Highlighted({ text, phrases }: { text: string; phrases: string[] }): ReactNode {
  const wanted = [...new Set(phrases.filter((p) => p.trim()))].sort((a, b) => b.length - a.length);
  if (!wanted.length) return text;
  const pattern = new RegExp(`(${wanted.map(escapeRegExp).join("|")})`, "gi");
  const parts = text.split(pattern);
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} data-testid="flagged-phrase">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}
