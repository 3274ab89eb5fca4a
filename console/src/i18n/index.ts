// zh-CN and en. Each screen keeps its words in its own namespace file,
// i18n/locales/<language>/<namespace>.json; `common` holds the shell's.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = [
  { code: "zh-CN", label: "中文" },
  { code: "en", label: "English" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

const files = import.meta.glob<{ default: Record<string, unknown> }>("./locales/*/*.json", {
  eager: true,
});
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const [, language, namespace] = path.match(/\.\/locales\/([^/]+)\/([^/]+)\.json$/) ?? [];
  if (!language) continue;
  (resources[language] ??= {})[namespace] = module.default;
}

const KEY = "talentloop.language";
function initialLanguage(): Language {
  const saved = localStorage.getItem(KEY);
  if (saved === "en" || saved === "zh-CN") return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: "en",
  defaultNS: "common",
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  localStorage.setItem(KEY, language);
}
applyLanguage(i18n.language);
i18n.on("languageChanged", applyLanguage);

export default i18n;
