"use client";
import { useEffect, useState } from "react";

/**
 * Whether the failure is the database being away: the health check answers 503 then (or cannot be
 * reached at all). In production the error itself says nothing about its cause, so we ask.
 */
export function useServiceUnavailable(): boolean {
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    let active = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => active && setUnavailable(response.status === 503))
      .catch(() => active && setUnavailable(true));
    return () => {
      active = false;
    };
  }, []);
  return unavailable;
}
