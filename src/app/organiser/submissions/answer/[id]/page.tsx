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
  return { title: (await getTranslations("answers.union"))("link") };
}

/** The campaign's union answers as a party too, when the submission addresses it. */
export default async function UnionAnswerPage({ params }: Props) {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const { id } = await params;
  const desk = await (await api()).answers.unionDesk({ submissionId: id }).catch(notFoundAsNull);
  if (!desk) notFound();
  return (
    <Messages ns={["answers", "taxonomy"]}>
      <AnswerDesk desk={desk} as="union" />
    </Messages>
  );
}
