"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert, Button } from "~/components/ui";
import { postWrite, type PostWriteOptions } from "~/lib/post-write";
import { RankingBallot } from "~/features/ballots/components/ranking-ballot";
import { useErrorText } from "~/features/campaigns/components/write-feedback";
import type { TokenProfile } from "~/features/tokens/message";
import type { StoredToken } from "~/features/tokens/token-client";

type Option = { id: string; number: number; title: string };
type Status = { publicKey: string; issued: boolean; profile: TokenProfile | null };

// The blind-signature code (~13 KB gzipped) loads only here, when a token is needed.
const client = () => import("~/features/tokens/token-client");

/**
 * A verified-only campaign's ballot: get the one token (after the storage warning), then rank
 * and send with it and no session. A token lost from this browser cannot be issued again.
 */
export function TokenBallot({ campaignId, voting, options, status }: { campaignId: string; voting: boolean; options: Option[]; status: Status }) {
  const t = useTranslations("campaigns.tokens");
  const message = useErrorText();
  // Storage is read after hydration: the server cannot know what this browser holds.
  const [held, setHeld] = useState<StoredToken | null | undefined>(undefined);
  const [secure, setSecure] = useState(true);
  useEffect(() => {
    void client().then((c) => {
      setSecure(window.isSecureContext && !!globalThis.crypto?.subtle);
      setHeld(c.loadToken(campaignId));
    });
  }, [campaignId]);

  const obtain = useMutation({
    mutationFn: async () => {
      const c = await client();
      const blinded = await c.blindToken(status.publicKey, campaignId, status.profile!);
      const { blindSignature } = await postWrite<{ blindSignature: string }>("/api/tokens/issue", { campaignId, blindedMsg: blinded.blindedMsg });
      const token = await c.finishToken(blinded, blindSignature);
      c.saveToken(campaignId, token);
      return token;
    },
    onSuccess: setHeld,
  });

  if (held === undefined) return null;
  if (!secure) return <Alert>{t("insecure")}</Alert>;
  if (!held && status.issued && !obtain.isPending) return <Alert tone="info">{t("lost")}</Alert>;

  const submit = async (demandIds: string[], opts: PostWriteOptions) => {
    const c = await client();
    const result = await c.postTokenBallot({ campaignId, token: held!.token, signature: held!.signature, secret: held!.secret, demandIds }, opts);
    const next = { ...held!, ranking: demandIds };
    c.saveToken(campaignId, next);
    setHeld(next);
    return result;
  };

  return (
    <div className="space-y-3">
      <p className="text-stone-700">{t("explain")}</p>
      <Alert tone="info">{t("storageWarning")}</Alert>
      <p className="text-sm text-stone-700">{t("profileNote")}</p>
      {held ? (
        <p className="font-medium" data-testid="token-held">
          {t("held")}
        </p>
      ) : (
        <>
          {obtain.error ? <Alert>{obtain.error instanceof Error && "data" in obtain.error ? message(obtain.error) : t("failed")}</Alert> : null}
          <Button className="w-full" disabled={obtain.isPending} onClick={() => obtain.mutate()}>
            {obtain.isPending ? t("getting") : t("get")}
          </Button>
        </>
      )}
      {held && voting ? <RankingBallot campaignId={campaignId} options={options} initial={held.ranking ?? []} submit={submit} /> : null}
      {held && !voting ? <p className="text-stone-700">{t("notYet")}</p> : null}
    </div>
  );
}
