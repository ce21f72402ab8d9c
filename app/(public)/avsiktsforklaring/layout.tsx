import { AreaMessages } from "@/components/layout/area-messages";

// The partner's answer form (no account) reads the letters' texts.
export default function PartnerLetterLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages namespaces={["letters"]}>{children}</AreaMessages>;
}
