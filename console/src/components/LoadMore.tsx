import { useTranslation } from "react-i18next";

/** The next page of a cursor-paged list (a TanStack infinite query), when there is one. */
export function LoadMore({
  query,
  label,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {label ?? t("state.more")}
    </button>
  );
}
