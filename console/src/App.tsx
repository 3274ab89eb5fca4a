import { Navigate, createBrowserRouter, RouterProvider, useLocation, type RouteObject } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import { useAuth } from "./auth/AuthProvider";
import { Layout } from "./Layout";
import { OidcCallback, SignIn } from "./SignIn";
import { AREAS } from "./screens/registry";
import { Page } from "./components/Page";

/** Signed out, a page (an alert's link, a bookmark) sends you to sign in, and back to it. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function Home() {
  const { hasRole } = useAuth();
  const first = AREAS.find((a) => hasRole(...a.roles));
  return first ? <Navigate to={first.path} replace /> : <Forbidden />;
}

function Forbidden() {
  const { t } = useTranslation();
  return <Page title={t("forbidden")}>{null}</Page>;
}

function NotFound() {
  const { t } = useTranslation();
  return <Page title={t("notFound")}>{null}</Page>;
}

function Guard({ roles, children }: { roles: Parameters<ReturnType<typeof useAuth>["hasRole"]>; children: ReactNode }) {
  const { hasRole } = useAuth();
  return hasRole(...roles) ? <>{children}</> : <Forbidden />;
}

const guarded: RouteObject[] = AREAS.flatMap((area) =>
  area.routes.map((route) => ({ ...route, element: <Guard roles={area.roles}>{route.element}</Guard> }) as RouteObject),
);

const router = createBrowserRouter([
  { path: "/signin", element: <SignIn /> },
  { path: "/callback", element: <OidcCallback /> },
  {
    path: "/",
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [{ index: true, element: <Home /> }, ...guarded, { path: "*", element: <NotFound /> }],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
