import "server-only";
import { notFound } from "next/navigation";
import { NotFound } from "./errors";

/** For pages: a service's "not found" (an outsider, or a record that is gone) becomes the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
