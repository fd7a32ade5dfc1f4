import { type Clock, type RookeryError, RookeryErrors } from "@rookery/core";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { AppScope, Campaign } from "./app-tenancy.js";

/** How many campaigns one page of a listing reads. */
const PAGE = 100;

/**
 * Schedules the campaigns of ONE workspace, acting as the user whose scope it
 * is given. A campaign of another workspace, even one the user may see, is
 * refused as if it did not exist: the scheduler only knows its workspace.
 * Another tenant's campaign never gets that far: the scope answers NOT_FOUND.
 */
export function campaignScheduler(scope: AppScope, workspaceId: string, now: Clock) {
  const campaigns = scope.resources("campaign");

  const inThisWorkspace = (id: string) =>
    campaigns
      .get(id)
      .andThen((found) =>
        found.workspaceId === workspaceId
          ? okAsync(found)
          : errAsync(RookeryErrors.notFound("resource")),
      );

  const listAll = (after?: string): ResultAsync<Campaign[], RookeryError> =>
    campaigns
      .list({ workspaceId, limit: PAGE, ...(after === undefined ? {} : { after }) })
      .andThen((page) =>
        page.next === null
          ? okAsync([...page.items])
          : listAll(page.next).map((rest) => [...page.items, ...rest]),
      );

  return {
    /** Schedules a draft for `sendAt`, which must be in the future. */
    schedule(campaignId: string, sendAt: Date): ResultAsync<Campaign, RookeryError> {
      if (sendAt.getTime() <= now().getTime()) {
        return errAsync(
          RookeryErrors.validation([{ path: "sendAt", message: "must be in the future" }]),
        );
      }
      return inThisWorkspace(campaignId).andThen((campaign) =>
        campaign.data.status !== "draft"
          ? errAsync(RookeryErrors.invariant("Only a draft can be scheduled."))
          : campaigns.update(
              campaign.id,
              { ...campaign.data, status: "scheduled", sendAt: sendAt.toISOString() },
              { expectedVersion: campaign.version }, // CONFLICT if someone changed it meanwhile
            ),
      );
    },

    /** The scheduled campaigns whose time has come, the earliest first. */
    due(): ResultAsync<Campaign[], RookeryError> {
      const at = now().getTime();
      return listAll().map((all) =>
        all
          .filter((c) => c.data.status === "scheduled" && Date.parse(c.data.sendAt ?? "") <= at)
          .sort((a, b) => Date.parse(a.data.sendAt ?? "") - Date.parse(b.data.sendAt ?? "")),
      );
    },

    /** Records that the mailer sent a due campaign; CONFLICT if it changed since it was read. */
    markSent(campaign: Campaign): ResultAsync<Campaign, RookeryError> {
      return inThisWorkspace(campaign.id).andThen(() =>
        campaigns.update(
          campaign.id,
          { ...campaign.data, status: "sent" },
          { expectedVersion: campaign.version },
        ),
      );
    },
  };
}
