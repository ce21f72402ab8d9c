import { useTranslations } from "next-intl";

type BoardMember = { name: string; role: string; signatory: boolean };
type Contact = { name: string; email: string | null; phone: string | null };
type Partner = { name: string; orgNumber: string | null; contactName: string | null };

/**
 * The people and organisations of a case that a conflict of interest could concern: the contact
 * person, the board and signatories, and the partners. Shown at the conflict gate and on the case.
 */
export function CasePeople({
  contact,
  board,
  partners,
  headingLevel = "h2",
}: {
  contact: Contact | null;
  board: BoardMember[];
  partners: Partner[];
  headingLevel?: "h2" | "h3";
}) {
  const t = useTranslations("officer.people");
  const H = headingLevel;
  const heading = "mt-6 text-xl font-bold";
  return (
    <div data-testid="case-people">
      <H className={heading}>{t("contact")}</H>
      {contact ? (
        <p className="mt-1" data-testid="case-contact">
          {contact.name}
          {contact.email ? (
            <>
              {", "}
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </>
          ) : null}
          {contact.phone ? `, ${contact.phone}` : ""}
        </p>
      ) : (
        <p className="mt-1">{t("noContact")}</p>
      )}
      <H className={heading}>{t("board")}</H>
      {board.length ? (
        <ul className="mt-1 list-disc pl-6" data-testid="case-board">
          {board.map((m, i) => (
            <li key={i}>
              {t("member", { name: m.name, role: m.role })}
              {m.signatory ? <strong> {t("signatory")}</strong> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">{t("noBoard")}</p>
      )}
      <H className={heading}>{t("partners")}</H>
      {partners.length ? (
        <ul className="mt-1 list-disc pl-6" data-testid="case-partners">
          {partners.map((p, i) => (
            <li key={i}>
              {p.name}
              {p.orgNumber ? ` (${p.orgNumber})` : ""}
              {p.contactName ? t("partnerContact", { name: p.contactName }) : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">{t("noPartners")}</p>
      )}
    </div>
  );
}
