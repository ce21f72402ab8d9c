import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import {
  getMyOrganisation,
  listBoard,
  listMembers,
  listMembershipRequests,
} from "@/lib/server/organisations";
import { orNotFound } from "@/lib/server/page";
import { label } from "@/lib/domain/labels";
import { municipalityName } from "@/lib/reference/municipalities";
import { formatDate, type UiLocale } from "@/lib/domain/format";
import { InviteForm } from "@/components/applications/invite-form";
import { MembershipRequests } from "@/components/applications/membership-requests";
import { BoardForm } from "@/components/applications/board-form";
import { decideMembershipRequestAction, inviteMemberAction, saveBoardAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("organisations"))("metaTitle") };
}

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const org = await orNotFound(getMyOrganisation(actor, id));
  const [{ members, invitations }, requests, board] = await Promise.all([
    listMembers(actor, id),
    listMembershipRequests(actor, id),
    listBoard(actor, id),
  ]);
  const t = await getTranslations("organisations");
  const ta = await getTranslations("applicant");
  const locale = (await getLocale()) as UiLocale;
  return (
    <div>
      <p className="mb-2">
        <Link href="/ansokningar">{ta("title")}</Link>
      </p>
      <h1 className="text-3xl font-bold">{org.name}</h1>
      <dl className="my-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t("orgNumber")}</dt>
        <dd>{org.orgNumber}</dd>
        <dt className="font-semibold">{t("legalForm")}</dt>
        <dd>{label(locale, "legalForm", org.legalForm)}</dd>
        <dt className="font-semibold">{t("municipality")}</dt>
        <dd>{municipalityName(org.municipalityCode)}</dd>
        <dt className="font-semibold">{t("founded")}</dt>
        <dd>{org.foundedOn ? formatDate(org.foundedOn, locale) : t("notGiven")}</dd>
        <dt className="font-semibold">{t("address")}</dt>
        <dd>{[org.streetAddress, `${org.postalCode ?? ""} ${org.city ?? ""}`].join(", ")}</dd>
        <dt className="font-semibold">{t("contact")}</dt>
        <dd>{[org.contactEmail, org.contactPhone].filter(Boolean).join(", ") || t("notGiven")}</dd>
        <dt className="font-semibold">{t("payout")}</dt>
        <dd>
          {org.payoutType === "PLUSGIRO" ? t("plusgiro") : t("bankgiro")} {org.payoutAccount}
        </dd>
      </dl>
      <section aria-labelledby="styrelse" className="mb-10">
        <h2 id="styrelse" className="mb-2 scroll-mt-4 text-2xl font-bold">
          {t("board.title")}
        </h2>
        <p className="mb-4 max-w-2xl text-muted">{t("board.lead")}</p>
        <BoardForm organisationId={id} initial={board} save={saveBoardAction} />
      </section>
      <h2 className="mb-2 text-2xl font-bold">{t("membersTitle")}</h2>
      <p className="mb-2 text-muted">{t("membersLead")}</p>
      <ul className="mb-6 list-disc pl-6">
        {members.map((m) => (
          <li key={m.userId}>
            {m.user.name} ({m.user.email})
          </li>
        ))}
        {invitations.map((i) => (
          <li key={i.id}>{t("invitedPending", { email: i.email })}</li>
        ))}
      </ul>
      <InviteForm organisationId={id} invite={inviteMemberAction} />
      <section aria-labelledby="forfragningar" className="mt-10">
        <h2 id="forfragningar" className="mb-2 scroll-mt-4 text-2xl font-bold">
          {t("requests.title")}
        </h2>
        {requests.length ? <p className="mb-4 text-muted">{t("requests.lead")}</p> : null}
        <MembershipRequests
          decide={decideMembershipRequestAction}
          requests={requests.map((r) => ({
            id: r.id,
            name: r.user.name,
            email: r.user.email,
            message: r.message,
            askedOn: formatDate(r.createdAt, locale),
          }))}
        />
      </section>
    </div>
  );
}
