import type { Sector } from "~/server/db/generated/enums";
import { randomToken } from "~/features/accounts/credentials";

const PREFIX: Record<Sector | "WORKER", string> = {
  FOOD_DELIVERY: "Rider",
  COURIER: "Courier",
  RIDE_HAILING: "Driver",
  LIVE_STREAMING: "Streamer",
  ECOMMERCE: "Seller",
  CUSTOMER_SERVICE: "Agent",
  DOMESTIC_SERVICE: "Helper",
  OTHER: "Worker",
  WORKER: "Worker",
};

/** "Rider-7F3K": says nothing about the person; uniqueness is checked by the database. */
export function makePseudonym(sector?: Sector): string {
  return `${PREFIX[sector ?? "WORKER"]}-${randomToken(6)}`;
}
