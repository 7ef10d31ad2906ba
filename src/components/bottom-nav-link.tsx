"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** Marks the current section for screen readers (aria-current) and sighted users alike. */
export function BottomNavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`flex min-h-14 flex-col items-center justify-center gap-0.5 text-sm font-medium hover:text-brand-800 ${current ? "text-brand-800 underline decoration-2 underline-offset-4" : "text-stone-800"}`}
    >
      {children}
    </Link>
  );
}
