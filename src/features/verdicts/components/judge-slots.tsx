"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "~/components/ui";
import { usePageState } from "~/features/personal/components/page-state";
import { VerdictForm } from "~/features/verdicts/components/verdict-form";

// The answers page is the same for everyone (cached, issue 15): whether this visitor may judge,
// and the verdicts they gave, come from the page's personal request.

/** Why this visitor cannot judge (sign in, staff, out of scope, not verified), or nothing. */
export function JudgeNote() {
  const t = useTranslations("answers.page");
  const personal = usePageState();
  if (!personal) return null;
  const judge = personal.answers;
  const note = !personal.account ? (
    <Link href="/sign-in" className="font-medium text-blue-900 underline">
      {t("signInToJudge")}
    </Link>
  ) : !judge ? (
    t("staffCannotJudge")
  ) : judge.refusal === "OUT_OF_SCOPE" ? (
    t("outOfScope")
  ) : judge.refusal === "NOT_VERIFIED" ? (
    t("notVerified")
  ) : null;
  return note ? <Alert tone="info">{note}</Alert> : null;
}

/** The verdict form of one open commitment, for a worker who may judge. */
export function VerdictSlot({ answerId }: { answerId: string }) {
  const judge = usePageState()?.answers;
  if (!judge || judge.refusal) return null;
  return <VerdictForm answerId={answerId} initial={judge.mine[answerId] ?? null} />;
}
