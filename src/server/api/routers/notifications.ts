import { createTRPCRouter, workerProcedure } from "~/server/api/trpc";
import { campaignIdSchema } from "~/features/campaigns/schema";
import { deleteNotificationsSchema, followSchema } from "~/features/notifications/schema";
import { countUnread, isFollowing, listNotifications } from "~/features/notifications/data";
import { deleteNotifications, markAllRead, setFollow } from "~/features/notifications/mutations";

export const notificationsRouter = createTRPCRouter({
  unread: workerProcedure.query(({ ctx }) => countUnread(ctx.account.accountId)),
  list: workerProcedure.query(({ ctx }) => listNotifications(ctx.account.accountId)),
  markAllRead: workerProcedure.mutation(({ ctx }) => markAllRead(ctx.account.accountId)),
  delete: workerProcedure.input(deleteNotificationsSchema).mutation(({ ctx, input }) => deleteNotifications(ctx.account.accountId, input.ids)),
  following: workerProcedure.input(campaignIdSchema).query(({ ctx, input }) => isFollowing(ctx.account.accountId, input.campaignId)),
  follow: workerProcedure.input(followSchema).mutation(({ ctx, input }) => setFollow(ctx.account.accountId, input.campaignId, input.follow)),
});
