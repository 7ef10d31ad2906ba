import { Prisma } from "~/server/db/generated/client";

// Constraint violations surface differently per driver adapter: the pg adapter maps them to
// Prisma's P2002/P2003, while the PGlite adapter passes a DriverAdapterError whose cause holds
// the PostgreSQL SQLSTATE. Feature code asks these two questions instead of checking codes.

function sqlState(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown; originalCode?: unknown } } | null)?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === "string" ? code : undefined;
}

export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  return sqlState(err) === "23505" || (err as { cause?: { kind?: string } } | null)?.cause?.kind === "UniqueConstraintViolation";
}

export function isForeignKeyViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2003";
  return sqlState(err) === "23503" || (err as { cause?: { kind?: string } } | null)?.cause?.kind === "ForeignKeyConstraintViolation";
}
