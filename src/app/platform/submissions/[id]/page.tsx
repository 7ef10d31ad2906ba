import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { AnswerDesk } from "~/features/answers/components/answer-desk";
import { notFoundAsNull } from "~/lib/error-message";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("answers.inbox"))("title") };
}

/** Answer item by item. The server finds the party from the session's platform: another
 * platform's representative gets "not found" here and from the procedures (P7). */
export default async function PlatformAnswerPage({ params }: Props) {
  const account = await pageAccount(["PLATFORM_REP"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const { id } = await params;
  const desk = await (await api()).answers.platformDesk({ submissionId: id }).catch(notFoundAsNull);
  if (!desk) notFound();
  return (
    <Messages ns={["answers", "taxonomy"]}>
      <AnswerDesk desk={desk} as="platform" />
    </Messages>
  );
}
