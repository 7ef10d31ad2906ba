import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "~/lib/app-error";
import en from "~/i18n/messages/en/errors.json";
import zh from "~/i18n/messages/zh-CN/errors.json";

// What a fuzzed call may answer: success, or a refusal the client can translate. Anything else
// (INTERNAL, a 5xx, an error that is neither an AppError nor the ladder's or validation's own)
// is a bug the fuzzer reports with the input that caused it.

const messages = [en as Record<string, string>, zh as Record<string, string>];

/** True when the code is an AppError code with a message in both locales (and not INTERNAL). */
export function isTranslatedRefusal(code: string): boolean {
  return code !== "INTERNAL" && messages.every((m) => typeof m[code] === "string" && m[code]!.length > 0);
}

/**
 * The AppError code a browser would get for an error thrown by a server-side tRPC caller: the
 * AppError itself, BAD_INPUT for validation, the ladder's UNAUTHORIZED/FORBIDDEN; null for
 * anything else, which the HTTP route would answer as a 500.
 */
export function refusalCode(err: unknown): string | null {
  if (!(err instanceof TRPCError)) return err instanceof AppError ? err.code : null;
  if (err.cause instanceof AppError) return err.cause.code;
  if (err.cause instanceof ZodError) return "BAD_INPUT";
  if ((err.code === "UNAUTHORIZED" || err.code === "FORBIDDEN") && err.message === err.code) return err.code;
  return null;
}

/** A short description of an unexpected error, for the failure message. */
export function describeError(err: unknown): string {
  const cause = err instanceof TRPCError ? err.cause : err;
  if (cause instanceof Error) return `${err instanceof TRPCError ? err.code : ""} ${cause.name}: ${cause.message.slice(0, 300)}`;
  return String(err).slice(0, 300);
}
