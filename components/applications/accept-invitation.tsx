"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { acceptInvitationAction } from "@/app/(applicant)/organisationer/actions";
import { Button } from "@/components/ui/button";

export function AcceptInvitation({ token, organisation }: { token: string; organisation: string }) {
  const router = useRouter();
  const t = useTranslations("organisations.invitation");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <div>
      {error ? (
        <p className="mb-4 font-semibold text-error" role="alert" id="accept-error">
          {error}
        </p>
      ) : null}
      <Button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await acceptInvitationAction(token);
          setPending(false);
          if (!result.ok) return setError(result.message);
          router.push(`/organisationer/${result.value}`);
        }}
      >
        {t("join", { organisation })}
      </Button>
    </div>
  );
}
