import { AreaMessages } from "@/components/layout/area-messages";

// The applicant's forms (organisation, wizard, letters of intent, reports) read these texts.
export default function ApplicantLayout({ children }: { children: React.ReactNode }) {
  return (
    <AreaMessages namespaces={["applications", "wizard", "letters", "organisations", "followUp"]}>
      {children}
    </AreaMessages>
  );
}
