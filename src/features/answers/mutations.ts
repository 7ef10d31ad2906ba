import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { refusePii } from "~/lib/pii/refuse";
import { addDays, parseDay } from "~/lib/days";
import { DUE_MAX_YEARS, isCommitment, type AnswerInput } from "~/features/answers/schema";
import { partyWhere, type PartyRef } from "~/features/answers/data";
import { notifyFollowers } from "~/features/notifications/mutations";

function checkAnswer(input: AnswerInput, today: Date): Date | null {
  refusePii(input.text);
  if (!isCommitment(input.status)) {
    if (input.dueOn) throw new AppError("BAD_INPUT");
    return null;
  }
  if (!input.dueOn) throw new AppError("DUE_DATE_REQUIRED");
  const due = parseDay(input.dueOn);
  if (!due) throw new AppError("BAD_INPUT");
  if (due.getTime() < today.getTime()) throw new AppError("DUE_DATE_PAST");
  if (due.getTime() > addDays(today, 366 * DUE_MAX_YEARS).getTime()) throw new AppError("BAD_INPUT");
  return due;
}

/**
 * A party answers one item. The party row is locked FOR UPDATE first, so answers of one party
 * are serialised: the previous current answer is marked superseded and the new one inserted in
 * the same transaction (a partial unique index keeps one current answer per item and party),
 * and a double tap finds the identical answer already current and stores nothing more.
 * The first answer dates the party's first response; the answer that leaves no item open
 * completes it. Followers are told once per answer (dedupeKey "answer:<id>").
 */
export async function saveAnswer(party: PartyRef, authorId: string, input: AnswerInput, today: Date) {
  const dueOn = checkAnswer(input, today);
  const found = await db.submissionParty.findFirst({
    where: { submissionId: input.submissionId, ...partyWhere(party), submission: { firstPublishedOn: { not: null } } },
    select: { id: true, submission: { select: { campaignId: true } } },
  });
  if (!found) throw new AppError("NOT_FOUND");
  const item = await db.submissionItem.findFirst({ where: { id: input.itemId, submissionId: input.submissionId }, select: { id: true } });
  if (!item) throw new AppError("NOT_FOUND");

  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ firstAnsweredOn: Date | null; completedOn: Date | null }[]>`
      SELECT "firstAnsweredOn", "completedOn" FROM "SubmissionParty" WHERE "id" = ${found.id} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND");
    const previous = await tx.answer.findFirst({
      where: { itemId: item.id, partyId: found.id, current: true },
      select: { id: true, status: true, text: true, dueOn: true },
    });
    if (previous && previous.status === input.status && previous.text === input.text && previous.dueOn?.getTime() === dueOn?.getTime()) {
      return { answerId: previous.id, created: false };
    }
    if (previous) await tx.answer.update({ where: { id: previous.id }, data: { current: false } });
    const answer = await tx.answer.create({
      data: { itemId: item.id, partyId: found.id, status: input.status, text: input.text, dueOn, answeredOn: today, authorId },
      select: { id: true },
    });
    const [items, answered] = await Promise.all([
      tx.submissionItem.count({ where: { submissionId: input.submissionId } }),
      tx.answer.count({ where: { partyId: found.id, current: true } }),
    ]);
    await tx.submissionParty.update({
      where: { id: found.id },
      data: {
        firstAnsweredOn: locked.firstAnsweredOn ?? today,
        completedOn: locked.completedOn ?? (answered >= items ? today : null),
      },
    });
    await notifyFollowers(tx, found.submission.campaignId, "ANSWER_ARRIVED", { submissionId: input.submissionId, answerId: answer.id, dedupeKey: `answer:${answer.id}` });
    return { answerId: answer.id, created: true };
  });
}
