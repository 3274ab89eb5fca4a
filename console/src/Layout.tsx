import { NavLink, Outlet } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useAuth } from "./auth/AuthProvider";
import { LANGUAGES } from "./i18n";
import { AREAS } from "./screens/registry";

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t("language")}</span>
      <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { session, hasRole, signOut } = useAuth();
  const areas = AREAS.filter((a) => hasRole(...a.roles));
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t("skip")}
      </a>
      <header className="topbar">
        <span className="brand">{t("app")}</span>
        <nav aria-label={t("nav.label")}>
          <ul>
            {areas.map((a) => (
              <li key={a.key}>
                <NavLink to={a.path}>{t(`nav.${a.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <LanguagePicker />
          {session ? (
            <>
              <span className="who" data-testid="signed-in-as">
                {t("signedInAs", {
                  sub: session.name ?? session.sub,
                  roles: session.roles.map((r) => t(`roles.${r}`)).join(", "),
                })}
              </span>
              <button type="button" onClick={signOut}>
                {t("signOut")}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
