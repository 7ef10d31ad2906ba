import "server-only";

export async function shuffleAccountLinkedRows() {}
