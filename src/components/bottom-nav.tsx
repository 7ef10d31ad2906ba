import { getTranslations } from "next-intl/server";
import { BottomNavLink } from "~/components/bottom-nav-link";

// Workers' main navigation sits at the bottom, where a thumb reaches on a phone.
const ITEMS = [
  { href: "/", key: "home", icon: "M3 11l9-8 9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z" },
  { href: "/reports", key: "reports", icon: "M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8" },
  { href: "/campaigns", key: "campaigns", icon: "M4 20V10M10 20V4M16 20v-7M22 20H2" },
  { href: "/petitions", key: "petitions", icon: "M4 4h16v12H8l-4 4zM8 9h8M8 12h5" },
  { href: "/me", key: "me", icon: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0" },
] as const;

export async function BottomNav() {
  const t = await getTranslations("common.nav");
  return (
    <nav aria-label={t("main")} className="fixed inset-x-0 bottom-0 z-10 border-t border-stone-300 bg-white">
      <ul className="mx-auto grid max-w-xl grid-cols-5">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <BottomNavLink href={item.href}>
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d={item.icon} />
              </svg>
              {t(item.key)}
            </BottomNavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
